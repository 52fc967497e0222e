/** The few line icons the console needs, inline so no icon library lands in the bundle. */
import type { ReactNode, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Icon({ size = 16, children, ...props }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

/** An icon drawn by its shapes. */
function shapeIcon(shapes: ReactNode) {
  return function ShapeIcon(props: IconProps) {
    return <Icon {...props}>{shapes}</Icon>;
  };
}

/** An icon drawn by paths only, given by their `d`. */
function pathIcon(...paths: string[]) {
  return shapeIcon(paths.map((d) => <path key={d} d={d} />));
}

export const CopyIcon = shapeIcon(
  <>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
  </>,
);

export const CheckIcon = pathIcon('M20 6 9 17l-5-5');

export const LockIcon = shapeIcon(
  <>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </>,
);

export const UnlockIcon = shapeIcon(
  <>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 7.5-2" />
  </>,
);

export const HistoryIcon = pathIcon('M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5', 'M12 7v5l3 2');

export const SunIcon = shapeIcon(
  <>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </>,
);

export const MoonIcon = pathIcon('M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z');

export const GlobeIcon = shapeIcon(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
  </>,
);

export const PlusIcon = pathIcon('M12 5v14M5 12h14');

export const TrashIcon = pathIcon('M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14');

export const XIcon = pathIcon('M18 6 6 18M6 6l12 12');

export const EyeIcon = shapeIcon(
  <>
    <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </>,
);

export const ShieldCheckIcon = pathIcon(
  'M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z',
  'm9 12 2 2 4-4',
);

export const AlertIcon = pathIcon('M12 3 2 21h20z', 'M12 10v5M12 18h.01');

export const ArrowLeftIcon = pathIcon('M19 12H5M11 18l-6-6 6-6');

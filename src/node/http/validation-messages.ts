/**
 * The shared wire schemas are zod/mini, which carries no messages of its own (that keeps the
 * browser bundle small). Servers import this module where they validate with them, so
 * error_msg reads "Invalid option: …" rather than "Invalid input", without relying on
 * classic zod doing it as a side effect of building some other schema first.
 */
import { z } from 'zod';

z.config(z.locales.en());

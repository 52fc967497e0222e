/**
 * Who holds which name. A key's key_alias is unique among key_aliases, and an alias of the
 * alias API is unique among those (the cloud documents no link between the two namespaces).
 * Names are reserved before a write is awaited, so two concurrent changes cannot both take one.
 */
import { KmsError } from '../../shared/kms';
import type { KeyMetadata } from './stored-key';

type Names = Pick<KeyMetadata, 'keyId' | 'alias' | 'aliases'>;

export class NameIndex {
  private readonly keyAliases = new Set<string>();
  private readonly aliasOwners = new Map<string, string>();

  add(names: Names): void {
    this.keyAliases.add(names.alias);
    for (const entry of names.aliases) this.aliasOwners.set(entry.alias, names.keyId);
  }

  remove(names: Names): void {
    this.keyAliases.delete(names.alias);
    for (const entry of names.aliases) {
      if (this.aliasOwners.get(entry.alias) === names.keyId) this.aliasOwners.delete(entry.alias);
    }
  }

  /** The key an alias of the alias API points at. */
  ownerOf(alias: string): string | undefined {
    return this.aliasOwners.get(alias);
  }

  /**
   * Takes the names `after` has and `before` has not, or throws KMS.1104 if one is taken.
   * Returns the undo, for a write that then fails.
   */
  reserve(before: Names | undefined, after: Names): () => void {
    const newKeyAlias = before?.alias !== after.alias ? after.alias : undefined;
    if (newKeyAlias !== undefined && this.keyAliases.has(newKeyAlias)) {
      throw new KmsError('KMS.1104');
    }
    const held = new Set(before?.aliases.map((entry) => entry.alias));
    const gained = after.aliases.map((entry) => entry.alias).filter((alias) => !held.has(alias));
    for (const alias of gained) {
      const owner = this.aliasOwners.get(alias);
      if (owner !== undefined && owner !== after.keyId) {
        throw new KmsError('KMS.1104', `The alias ${alias} already exists.`);
      }
    }
    if (newKeyAlias !== undefined) this.keyAliases.add(newKeyAlias);
    for (const alias of gained) this.aliasOwners.set(alias, after.keyId);
    return () => {
      if (newKeyAlias !== undefined) this.keyAliases.delete(newKeyAlias);
      for (const alias of gained) this.aliasOwners.delete(alias);
    };
  }

  /** Frees the names `before` had and `after` no longer has, once the change is durable. */
  release(before: Names, after: Names): void {
    if (before.alias !== after.alias) this.keyAliases.delete(before.alias);
    const kept = new Set(after.aliases.map((entry) => entry.alias));
    for (const entry of before.aliases) {
      if (!kept.has(entry.alias) && this.aliasOwners.get(entry.alias) === before.keyId) {
        this.aliasOwners.delete(entry.alias);
      }
    }
  }
}

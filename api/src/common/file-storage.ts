import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import type { FilesConfig } from '../config.js';

/**
 * Where uploaded files (course materials) live: a folder on disk in the embedded shape, an
 * S3-compatible bucket in production (several instances then see the same files). Keys are ours
 * (`materials/<uuid>`), never a user's file name.
 */
export interface FileStorage {
  /** Human-readable, for the start log: never carries a secret. */
  readonly description: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** Removing a missing object is not an error. */
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*$/;

function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`Not a storage key: ${key}`);
  return key;
}

/** Files in a folder; a write goes to a temporary name first, so a crash never leaves half a file under the key. */
export class DiskFileStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  get description(): string {
    return `folder ${this.dir}`;
  }

  private pathOf(key: string): string {
    return path.join(this.dir, ...checkedKey(key).split('/'));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomUUID()}.part`;
    try {
      await fs.writeFile(temporary, bytes, { mode: 0o600, flush: true });
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

export interface S3Location {
  /** The service's address, e.g. https://s3.eu-north-1.amazonaws.com or a MinIO server. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, Hetzner...), path-style addressing, requests signed
 * with AWS Signature V4. Failures name the operation and status, never the credentials.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: AwsClient;

  constructor(private readonly location: S3Location) {
    this.client = new AwsClient({
      accessKeyId: location.accessKeyId,
      secretAccessKey: location.secretAccessKey,
      region: location.region,
      service: 's3',
      retries: 2,
    });
  }

  get description(): string {
    return `S3 bucket ${this.location.bucket} at ${this.location.endpoint}`;
  }

  private urlOf(key: string): string {
    const encoded = checkedKey(key).split('/').map(encodeURIComponent).join('/');
    return `${this.location.endpoint.replace(/\/$/, '')}/${encodeURIComponent(this.location.bucket)}/${encoded}`;
  }

  private async failure(operation: string, key: string, response: Response): Promise<Error> {
    const body = await response.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? '';
    return new Error(`S3 ${operation} ${key} failed: HTTP ${response.status}${code ? ` ${code}` : ''}`);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), {
      method: 'PUT',
      body: new Blob([new Uint8Array(bytes)]),
      headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) },
    });
    if (!response.ok) throw await this.failure('PUT', key, response);
    await response.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.client.fetch(this.urlOf(key));
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    if (!response.ok) throw await this.failure('GET', key, response);
    return Buffer.from(await response.arrayBuffer());
  }

  async remove(key: string): Promise<void> {
    const response = await this.client.fetch(this.urlOf(key), { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw await this.failure('DELETE', key, response);
    await response.arrayBuffer();
  }
}

export function createFileStorage(config: FilesConfig): FileStorage {
  const { storage } = config;
  return storage.kind === 's3' ? new S3FileStorage({ ...storage, secretAccessKey: storage.secretAccessKey.reveal() }) : new DiskFileStorage(storage.dir);
}

// Whether a user may publish this version of a pack: checked by the api before queueing a publish check
// (a quick 403/409) and by the worker again under the slug lock, since another publish may have landed
// while the check ran.
import type { EntityManager } from 'typeorm';
import type { PackManifest } from '@questline/exercise-format';
import { compareVersions } from '../catalog';
import { Course, UserRole } from '../entities';

export interface PublishRefusal {
  code: 'FORBIDDEN' | 'PACK_VERSION_CONFLICT';
  message: string;
}

export async function publishRefusal(
  manager: EntityManager,
  user: { id: string; role: UserRole },
  manifest: Pick<PackManifest, 'slug' | 'version'>,
): Promise<PublishRefusal | null> {
  const course = await manager.getRepository(Course).findOneBy({ slug: manifest.slug });
  if (!course) return null;
  if (course.ownerId === null) return { code: 'FORBIDDEN', message: `"${manifest.slug}" is a built-in pack; choose another slug` };
  if (course.ownerId !== user.id && user.role !== UserRole.Admin) {
    return { code: 'FORBIDDEN', message: `The pack "${manifest.slug}" belongs to another instructor` };
  }
  const order = compareVersions(manifest.version, course.currentVersion);
  if (order === 0) {
    return {
      code: 'PACK_VERSION_CONFLICT',
      message: `Version ${manifest.version} of "${manifest.slug}" is already published; bump the version`,
    };
  }
  if (order < 0) {
    return {
      code: 'PACK_VERSION_CONFLICT',
      message: `Version ${manifest.version} is lower than the published ${course.currentVersion}; publish a higher version`,
    };
  }
  return null;
}

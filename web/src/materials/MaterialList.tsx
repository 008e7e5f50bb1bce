import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format';
import type { MaterialFieldsFragment } from '../gql/graphql';

export type Material = MaterialFieldsFragment;

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toUpperCase() ?? '';

/** One material: a file to download (type and size told first) or a link that leaves the portal. */
function MaterialItem({ material, showGroup }: { material: Material; showGroup: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isFile = material.kind === 'FILE';
  const about = isFile
    ? t('materials.fileFacts', { type: extensionOf(material.fileName ?? ''), size: format.fileSize(material.sizeBytes ?? 0) })
    : t('materials.externalLink');
  return (
    <li className="material" data-testid="material">
      <p className="material-title">
        {isFile ? (
          <a href={material.url} download={material.fileName ?? undefined}>
            {material.title}
          </a>
        ) : (
          <a href={material.url} rel="noopener noreferrer" target="_blank">
            {material.title}
            <span className="visually-hidden"> {t('materials.opensInNewTab')}</span>
          </a>
        )}{' '}
        <span className="material-facts">({about})</span>
      </p>
      {material.description && <p className="material-description preserve-lines">{material.description}</p>}
      <p className="material-badges">
        {material.visibility === 'PARTICIPANTS' && <span className="badge">{t('materials.forParticipants')}</span>}
        {showGroup && material.group && <span className="badge">{t('materials.forGroup', { code: material.group.code })}</span>}
      </p>
    </li>
  );
}

export function MaterialList({ materials, showGroup = true }: { materials: readonly Material[]; showGroup?: boolean }) {
  return (
    <ul className="material-list">
      {materials.map((material) => (
        <MaterialItem key={material.id} material={material} showGroup={showGroup} />
      ))}
    </ul>
  );
}

/** Materials under the title of their course (a link to its page), in the order the api gives. */
export function MaterialsByCourse({ materials, headingLevel }: { materials: readonly Material[]; headingLevel: 'h3' | 'h2' }) {
  const { t } = useTranslation();
  const courses = new Map<string, { title: string | null; courseId: string; items: Material[] }>();
  for (const material of materials) {
    const key = material.course?.id ?? `hidden-${material.id}`;
    const entry = courses.get(key) ?? { title: material.course?.title ?? null, courseId: material.course?.id ?? '', items: [] };
    entry.items.push(material);
    courses.set(key, entry);
  }
  const Heading = headingLevel;
  return (
    <div className="materials-by-course">
      {[...courses.entries()].map(([key, course]) => (
        <section key={key} className="panel material-course" aria-label={course.title ?? t('materials.unknownCourse')}>
          <Heading className="h3">{course.courseId ? <Link to={`/kursi/${course.courseId}`}>{course.title}</Link> : t('materials.unknownCourse')}</Heading>
          <MaterialList materials={course.items} />
        </section>
      ))}
    </div>
  );
}

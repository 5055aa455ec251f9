import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { TrainingEvent, Trainings } from '../../graphql/ngo-centre';
import { formatDateTime } from '../../lib/format';
import { FileButton } from './FileButton';
import './ngo.css';

function TrainingCard({
  training,
}: {
  training: {
    eventId: string;
    topics: string[];
    materials: { id: string; url: string; fileName: string; size: number }[];
  };
}) {
  const { t, i18n } = useTranslation();
  const [ev] = useQuery({ query: TrainingEvent, variables: { id: training.eventId } });
  const e = ev.data?.event;
  return (
    <li className="card" data-testid="training">
      <h2>
        {e ? (
          <Link to={`/events/${e.id}`} lang={e.title.language}>
            {e.title.text}
          </Link>
        ) : (
          t('common.loading')
        )}
      </h2>
      {e && <p className="meta">{formatDateTime(e.startsAt, i18n.language)}</p>}
      <p className="meta">{training.topics.map((tp) => t(`ngo.topic.${tp}`)).join(', ')}</p>
      {training.materials.length > 0 && (
        <>
          <h3>{t('ngo.trainings.materials')}</h3>
          {training.materials.map((m) => (
            <FileButton key={m.id} file={m} />
          ))}
        </>
      )}
    </li>
  );
}

/** The centre's trainings (events: registration as usual) and their materials afterwards. */
export function TrainingsPage() {
  const { t } = useTranslation();
  const [res] = useQuery({ query: Trainings });
  const list = res.data?.trainings;
  return (
    <Page title={t('ngo.trainings.title')}>
      <p>
        <Link to="/ngo">{t('ngo.directory.back')}</Link>
      </p>
      <p>{t('ngo.trainings.intro')}</p>
      <ErrorBox error={res.error} />
      {res.fetching && !list && <p role="status">{t('common.loading')}</p>}
      {list && list.length === 0 && <p>{t('ngo.trainings.none')}</p>}
      <ul className="cards">
        {list?.map((tr) => (
          <TrainingCard key={tr.id} training={tr} />
        ))}
      </ul>
    </Page>
  );
}

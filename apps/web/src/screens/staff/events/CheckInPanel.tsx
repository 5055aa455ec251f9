import { useEffect, useRef, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { CheckIn } from '../../../graphql/staff-events';

/** The parts of the Barcode Detection API we use (not in TypeScript's DOM types yet). */
interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

const detectorClass = (): DetectorClass | null =>
  typeof window !== 'undefined' &&
  'BarcodeDetector' in window &&
  !!navigator.mediaDevices?.getUserMedia
    ? (window as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector
    : null;

/** A scanned QR code holds the registration code itself (or a link with `?code=`). */
export function codeFromScan(raw: string): string {
  try {
    const url = new URL(raw);
    return url.searchParams.get('code') ?? raw;
  } catch {
    return raw.trim();
  }
}

/**
 * Check-in at the door: type the code (case, spaces and dashes do not matter), or scan its QR
 * code with the device camera where the browser has BarcodeDetector (the button is not shown
 * otherwise). The outcome is announced; the field is emptied and focused for the next person.
 */
export function CheckInPanel({ eventId, onCheckedIn }: { eventId: string; onCheckedIn(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [result, checkIn] = useMutation(CheckIn);
  const [scanning, setScanning] = useState(false);
  const [cameraProblem, setCameraProblem] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const Detector = detectorClass();

  const submit = async (typed: string) => {
    setDone('');
    setError(null);
    const res = await checkIn({ input: { eventId, code: typed.trim() } });
    if (res.error) {
      setError(res.error);
      return;
    }
    const r = res.data!.checkInEventRegistration;
    setDone(
      t('staff.events.checkIn.done', {
        who: r.name ?? t('staff.events.registrant.account'),
        suffix: r.codeSuffix ?? '',
      }),
    );
    setCode('');
    field.current?.focus();
    onCheckedIn();
  };

  // The camera runs only while the scanner is open; a found code is checked in at once.
  useEffect(() => {
    if (!scanning || !Detector) return;
    let stream: MediaStream | null = null;
    let stop = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
        });
        if (stop || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new Detector({ formats: ['qr_code'] });
        const look = async () => {
          if (stop || !video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          if (found.length > 0) {
            const scanned = codeFromScan(found[0].rawValue);
            setScanning(false);
            setCode(scanned);
            void submit(scanned);
          } else requestAnimationFrame(() => void look());
        };
        void look();
      } catch {
        setCameraProblem(true);
        setScanning(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  return (
    <section className="panel" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('staff.events.checkIn.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) void submit(code);
        }}
      >
        <label htmlFor="checkin-code">{t('staff.events.checkIn.code')}</label>
        <p className="hint" id="checkin-code-hint">
          {t('staff.events.checkIn.hint')}
        </p>
        <div className="row">
          <input
            id="checkin-code"
            ref={field}
            value={code}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="checkin-code-hint"
            aria-invalid={!!error || undefined}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="primary" disabled={result.fetching || !code.trim()}>
            {t('staff.events.checkIn.button')}
          </button>
        </div>
      </form>
      {Detector && (
        <p>
          <button
            type="button"
            aria-expanded={scanning}
            aria-controls="checkin-camera"
            onClick={() => {
              setCameraProblem(false);
              setScanning(!scanning);
            }}
          >
            {scanning ? t('staff.events.checkIn.stopScan') : t('staff.events.checkIn.scan')}
          </button>
        </p>
      )}
      <div id="checkin-camera" hidden={!scanning}>
        <p className="hint">{t('staff.events.checkIn.scanHint')}</p>
        <video ref={video} className="scanner" muted playsInline aria-hidden="true" />
      </div>
      {cameraProblem && <p className="error-text">{t('staff.events.checkIn.noCamera')}</p>}
      <div role="status" aria-live="polite">
        {done && (
          <p className="notice ok" data-testid="checkin-done">
            {done}
          </p>
        )}
      </div>
      <ErrorBox error={error} />
    </section>
  );
}

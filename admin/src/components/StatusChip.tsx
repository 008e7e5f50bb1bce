import { Chip } from '@mui/material';

export type Tone = 'success' | 'warning' | 'error' | 'default';

/**
 * A small status label whose text keeps WCAG AA contrast (4.5:1) in every tone: MUI's own
 * warning chip (white on orange) does not, so warnings are dark text on light orange.
 */
const TONE_SX = {
  success: { bgcolor: 'success.dark', color: 'common.white' },
  warning: { bgcolor: 'warning.light', color: 'rgba(0, 0, 0, 0.87)' },
  error: { bgcolor: 'error.dark', color: 'common.white' },
  default: {},
} as const;

export const StatusChip = ({ tone, label }: { tone: Tone; label: string }) => <Chip size="small" label={label} sx={TONE_SX[tone]} />;

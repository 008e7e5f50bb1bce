import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** Keeps form inputs at a readable width instead of the whole page (wide: for long texts). */
export const FormColumn = ({ wide = false, children }: { wide?: boolean; children: ReactNode }) => (
  <Box sx={{ width: '100%', maxWidth: wide ? 960 : 600 }}>{children}</Box>
);

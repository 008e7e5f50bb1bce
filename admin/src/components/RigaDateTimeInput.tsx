import { DateTimeInput, type DateTimeInputProps } from 'react-admin';
import { fromRigaLocal, toRigaLocal } from './rigaTime';

/**
 * react-admin's date-time input reads and writes the browser's clock; this one the school's
 * (Europe/Riga): the form holds the ISO instant, the input shows and takes Riga's wall clock.
 */
export const RigaDateTimeInput = (props: DateTimeInputProps) => <DateTimeInput format={toRigaLocal} parse={fromRigaLocal} {...props} />;

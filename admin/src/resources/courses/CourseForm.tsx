import { AutocompleteArrayInput, FormDataConsumer, NumberInput, ReferenceArrayInput, ReferenceInput, SelectInput, TabbedForm, TextInput } from 'react-admin';
import { FORMAT_CHOICES, LANGUAGE_CHOICES, VISIBILITY_CHOICES } from '../../components/choices';
import { SaveOnlyToolbar } from '../../components/toolbars';
import { code, euro, hours, length, maxLength, required, wholeNumber } from '../../validation';
import { FormColumn } from '../../components/FormColumn';
import { CourseGroups } from './CourseGroups';
import { keepUserEdits } from '../../components/formOptions';

const defaults = {
  format: 'IN_PERSON',
  language: 'LV',
  visibility: 'PUBLIC',
  priceEuro: 0,
  reminderDaysBefore: 1,
  minAttendancePercent: 80,
  questionnaireReminders: 3,
};

const texts = (lang: 'Lv' | 'En') => [
  <TextInput key="title" source={`title${lang}`} validate={lang === 'Lv' ? [required(), length(3, 300)] : maxLength(300)} />,
  <TextInput key="summary" source={`summary${lang}`} multiline minRows={2} validate={maxLength(1000)} />,
  <TextInput key="description" source={`description${lang}`} multiline minRows={6} validate={maxLength(20_000)} />,
  <TextInput key="audience" source={`targetAudience${lang}`} multiline minRows={2} validate={maxLength(2000)} />,
];

/** Create and edit: general data, the Latvian and the English texts (and, when editing, the course's groups). */
export const CourseForm = ({ withGroups = false }: { withGroups?: boolean }) => (
  <TabbedForm resetOptions={keepUserEdits} toolbar={<SaveOnlyToolbar />} defaultValues={withGroups ? undefined : defaults}>
    <TabbedForm.Tab label="mps.tabs.general">
      <FormColumn>
        <TextInput source="code" validate={[required(), code(40)]} />
        <ReferenceInput source="topicId" reference="topics" perPage={100}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <SelectInput source="format" choices={FORMAT_CHOICES} validate={required()} />
        <SelectInput source="language" choices={LANGUAGE_CHOICES} validate={required()} />
        <NumberInput source="hours" step={0.1} min={0} validate={[required(), hours()]} />
        <NumberInput source="priceEuro" step={0.01} min={0} validate={[required(), euro()]} />
        <NumberInput source="reminderDaysBefore" step={1} min={0} max={14} validate={wholeNumber(0, 14)} helperText="mps.help.reminderDaysBefore" />
        <NumberInput source="minAttendancePercent" step={1} min={0} max={100} validate={wholeNumber(0, 100)} helperText="mps.help.minAttendancePercent" />
        <ReferenceInput source="questionnaireId" reference="questionnaires" perPage={100}>
          <SelectInput optionText="title" emptyText="mps.questionnaires.none" helperText="mps.help.questionnaire" />
        </ReferenceInput>
        <ReferenceInput source="euProjectId" reference="euProjects" perPage={100}>
          <SelectInput optionText="code" emptyText="mps.euProjects.none" />
        </ReferenceInput>
        <NumberInput source="questionnaireReminders" step={1} min={0} max={10} validate={wholeNumber(0, 10)} helperText="mps.help.questionnaireReminders" />
        <SelectInput source="visibility" choices={VISIBILITY_CHOICES} validate={required()} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.visibility === 'RESTRICTED' ? (
              <ReferenceArrayInput source="allowedInstitutionIds" reference="institutions" perPage={100}>
                <AutocompleteArrayInput optionText="name" helperText="mps.help.allowedInstitutions" />
              </ReferenceArrayInput>
            ) : null
          }
        </FormDataConsumer>
      </FormColumn>
    </TabbedForm.Tab>
    <TabbedForm.Tab label="mps.tabs.textsLv" path="lv">
      <FormColumn wide>{texts('Lv')}</FormColumn>
    </TabbedForm.Tab>
    <TabbedForm.Tab label="mps.tabs.textsEn" path="en">
      <FormColumn wide>{texts('En')}</FormColumn>
    </TabbedForm.Tab>
    {withGroups ? (
      <TabbedForm.Tab label="mps.tabs.groups" path="groups">
        <CourseGroups />
      </TabbedForm.Tab>
    ) : null}
  </TabbedForm>
);

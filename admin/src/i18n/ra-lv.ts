import type { TranslationMessages } from 'react-admin';

/**
 * Latvian messages for react-admin 5 (key structure mirrors ra-language-english 5.15.4).
 *
 * Plurals: polyglot has no Latvian plural rule, so its default two-form rule
 * applies ("one |||| many", the first form is used only when smart_count === 1).
 *
 * Resource names (%{name}) are inserted in the nominative case, so sentences
 * avoid declining them: they are placed after a colon or in parentheses.
 */
const raLatvian: TranslationMessages = {
    ra: {
        action: {
            add_filter: 'Pievienot filtru',
            add: 'Pievienot',
            back: 'Atpakaļ',
            bulk_actions:
                'Atlasīts %{smart_count} ieraksts |||| Atlasīti %{smart_count} ieraksti',
            cancel: 'Atcelt',
            clear_array_input: 'Notīrīt sarakstu',
            clear_input_value: 'Notīrīt vērtību',
            clone: 'Dublēt',
            confirm: 'Apstiprināt',
            create: 'Izveidot',
            create_item: 'Izveidot „%{item}”',
            delete: 'Dzēst',
            edit: 'Rediģēt',
            export: 'Eksportēt',
            list: 'Saraksts',
            refresh: 'Atsvaidzināt',
            remove_filter: 'Noņemt šo filtru',
            remove_all_filters: 'Noņemt visus filtrus',
            remove: 'Noņemt',
            reset: 'Atiestatīt',
            save: 'Saglabāt',
            search: 'Meklēt',
            search_columns: 'Meklēt kolonnas',
            select_all: 'Atlasīt visu',
            select_all_button: 'Atlasīt visu',
            select_row: 'Atlasīt šo rindu',
            show: 'Rādīt',
            sort: 'Kārtot',
            undo: 'Atsaukt',
            unselect: 'Noņemt atlasi',
            expand: 'Izvērst',
            close: 'Aizvērt',
            open_menu: 'Atvērt izvēlni',
            close_menu: 'Aizvērt izvēlni',
            update: 'Atjaunināt',
            move_up: 'Pārvietot uz augšu',
            move_down: 'Pārvietot uz leju',
            open: 'Atvērt',
            toggle_theme: 'Pārslēgt gaišo/tumšo režīmu',
            select_columns: 'Kolonnas',
            update_application: 'Pārlādēt lietotni',
        },
        boolean: {
            true: 'Jā',
            false: 'Nē',
            null: ' ',
        },
        page: {
            create: 'Izveidot: %{name}',
            dashboard: 'Informācijas panelis',
            edit: '%{name} %{recordRepresentation}',
            error: 'Radās kļūda',
            list: '%{name}',
            loading: 'Ielādē…',
            not_found: 'Lapa nav atrasta',
            show: '%{name} %{recordRepresentation}',
            empty: 'Pagaidām nav neviena ieraksta (%{name}).',
            invite: 'Vai vēlaties pievienot jaunu ierakstu?',
            access_denied: 'Piekļuve liegta',
            authentication_error: 'Autentifikācijas kļūda',
        },
        input: {
            file: {
                upload_several:
                    'Ievelciet failus augšupielādei vai noklikšķiniet, lai tos izvēlētos.',
                upload_single:
                    'Ievelciet failu augšupielādei vai noklikšķiniet, lai to izvēlētos.',
            },
            image: {
                upload_several:
                    'Ievelciet attēlus augšupielādei vai noklikšķiniet, lai tos izvēlētos.',
                upload_single:
                    'Ievelciet attēlu augšupielādei vai noklikšķiniet, lai to izvēlētos.',
            },
            references: {
                all_missing: 'Nevar atrast saistītos datus.',
                many_missing:
                    'Vismaz viens no saistītajiem ierakstiem vairs nav pieejams.',
                single_missing: 'Saistītais ieraksts vairs nav pieejams.',
            },
            password: {
                toggle_visible: 'Paslēpt paroli',
                toggle_hidden: 'Rādīt paroli',
            },
        },
        message: {
            about: 'Par',
            access_denied: 'Jums nav tiesību piekļūt šai lapai',
            are_you_sure: 'Vai tiešām vēlaties turpināt?',
            authentication_error:
                'Autentifikācijas serveris atgrieza kļūdu, un jūsu pieteikšanās datus nevarēja pārbaudīt.',
            auth_error: 'Pārbaudot autentifikācijas marķieri, radās kļūda.',
            bulk_delete_content:
                'Vai tiešām vēlaties dzēst šo ierakstu (%{name})? |||| Vai tiešām vēlaties dzēst šos %{smart_count} ierakstus?',
            bulk_delete_title:
                'Dzēst: %{name} |||| Dzēst: %{name} (%{smart_count})',
            bulk_update_content:
                'Vai tiešām vēlaties atjaunināt šo ierakstu: %{name} %{recordRepresentation}? |||| Vai tiešām vēlaties atjaunināt šos %{smart_count} ierakstus?',
            bulk_update_title:
                'Atjaunināt: %{name} %{recordRepresentation} |||| Atjaunināt: %{name} (%{smart_count})',
            clear_array_input: 'Vai tiešām vēlaties notīrīt visu sarakstu?',
            delete_content: 'Vai tiešām vēlaties dzēst šo ierakstu (%{name})?',
            delete_title: 'Dzēst: %{name} %{recordRepresentation}',
            details: 'Sīkāka informācija',
            error: 'Radās klienta kļūda, un jūsu pieprasījumu nevarēja izpildīt.',
            invalid_form:
                'Veidlapā ir kļūdas. Lūdzu, pārbaudiet ievadītos datus',
            loading: 'Lūdzu, uzgaidiet',
            no: 'Nē',
            not_found:
                // react-admin's NotFound puts a full stop after it.
                'Iespējams, ievadījāt nepareizu URL adresi vai atvērāt kļūdainu saiti',
            select_all_limit_reached:
                'Ierakstu ir pārāk daudz, lai atlasītu visus. Atlasīti tikai pirmie %{max} ieraksti.',
            unsaved_changes:
                'Dažas jūsu izmaiņas nav saglabātas. Vai tiešām vēlaties tās atmest?',
            yes: 'Jā',
            placeholder_data_warning:
                'Tīkla problēma: datus neizdevās atsvaidzināt.',
        },
        navigation: {
            clear_filters: 'Notīrīt filtrus',
            no_filtered_results:
                'Ar pašreizējiem filtriem nav rezultātu (%{name}).',
            no_results: 'Nav rezultātu (%{name})',
            no_more_results:
                'Lapa Nr. %{page} ir ārpus pieļaujamā diapazona. Mēģiniet atvērt iepriekšējo lapu.',
            page_out_of_boundaries:
                'Lapa Nr. %{page} ir ārpus pieļaujamā diapazona',
            page_out_from_end: 'Nevar pāriet tālāk par pēdējo lapu',
            page_out_from_begin: 'Nevar pāriet pirms 1. lapas',
            page_range_info: '%{offsetBegin}–%{offsetEnd} no %{total}',
            partial_page_range_info:
                '%{offsetBegin}–%{offsetEnd} no vairāk nekā %{offsetEnd}',
            current_page: '%{page}. lapa',
            page: 'Pāriet uz %{page}. lapu',
            first: 'Pāriet uz pirmo lapu',
            last: 'Pāriet uz pēdējo lapu',
            next: 'Pāriet uz nākamo lapu',
            previous: 'Pāriet uz iepriekšējo lapu',
            page_rows_per_page: 'Rindas lapā:',
            skip_nav: 'Pāriet uz saturu',
        },
        sort: {
            sort_by: 'Kārtot: %{field_lower_first}, %{order}',
            ASC: 'augošā secībā',
            DESC: 'dilstošā secībā',
        },
        auth: {
            auth_check_error: 'Lūdzu, pieslēdzieties, lai turpinātu',
            user_menu: 'Profils',
            username: 'Lietotājvārds',
            password: 'Parole',
            email: 'E-pasts',
            sign_in: 'Pieslēgties',
            sign_in_error: 'Autentifikācija neizdevās. Lūdzu, mēģiniet vēlreiz',
            logout: 'Iziet',
        },
        notification: {
            updated:
                'Ieraksts atjaunināts |||| Atjaunināti %{smart_count} ieraksti',
            created: 'Ieraksts izveidots',
            deleted: 'Ieraksts dzēsts |||| Dzēsti %{smart_count} ieraksti',
            bad_item: 'Nepareizs ieraksts',
            item_doesnt_exist: 'Šāds ieraksts nepastāv',
            http_error: 'Kļūda saziņā ar serveri',
            data_provider_error:
                'dataProvider kļūda. Sīkāka informācija pieejama konsolē.',
            i18n_error: 'Nevar ielādēt tulkojumus norādītajai valodai',
            canceled: 'Darbība atcelta',
            logged_out: 'Jūsu sesija ir beigusies. Lūdzu, pieslēdzieties vēlreiz.',
            not_authorized: 'Jums nav tiesību piekļūt šim resursam.',
            application_update_available: 'Ir pieejama jauna versija.',
            offline: 'Nav savienojuma. Neizdevās ielādēt datus.',
        },
        validation: {
            required: 'Obligāts lauks',
            minLength: 'Minimālais rakstzīmju skaits: %{min}',
            maxLength: 'Maksimālais rakstzīmju skaits: %{max}',
            minValue: 'Vērtībai jābūt vismaz %{min}',
            maxValue: 'Vērtība nedrīkst pārsniegt %{max}',
            number: 'Vērtībai jābūt skaitlim',
            email: 'Ievadiet derīgu e-pasta adresi',
            oneOf: 'Jāizvēlas viena no vērtībām: %{options}',
            regex: 'Jāatbilst noteiktam formātam (regulārā izteiksme): %{pattern}',
            unique: 'Vērtībai jābūt unikālai',
        },
        saved_queries: {
            label: 'Saglabātie vaicājumi',
            query_name: 'Vaicājuma nosaukums',
            new_label: 'Saglabāt pašreizējo vaicājumu…',
            new_dialog_title: 'Saglabāt pašreizējo vaicājumu kā',
            remove_label: 'Noņemt saglabāto vaicājumu',
            remove_label_with_name: 'Noņemt vaicājumu „%{name}”',
            remove_dialog_title: 'Vai noņemt saglabāto vaicājumu?',
            remove_message:
                'Vai tiešām vēlaties noņemt šo vaicājumu no saglabāto vaicājumu saraksta?',
            help: 'Filtrējiet sarakstu un saglabājiet šo vaicājumu vēlākai lietošanai',
        },
        guesser: {
            empty: {
                title: 'Nav datu, ko attēlot',
                message: 'Lūdzu, pārbaudiet datu nodrošinātāju',
            },
        },
        configurable: {
            customize: 'Pielāgot',
            configureMode: 'Konfigurēt šo lapu',
            inspector: {
                title: 'Inspektors',
                content:
                    'Novietojiet kursoru virs lietotnes saskarnes elementiem, lai tos konfigurētu',
                reset: 'Atiestatīt iestatījumus',
                hideAll: 'Paslēpt visu',
                showAll: 'Rādīt visu',
            },
            Datagrid: {
                title: 'Datu tabula',
                unlabeled: 'Kolonna bez nosaukuma Nr. %{column}',
            },
            SimpleForm: {
                title: 'Veidlapa',
                unlabeled: 'Ievades lauks bez nosaukuma Nr. %{input}',
            },
            SimpleList: {
                title: 'Saraksts',
                primaryText: 'Primārais teksts',
                secondaryText: 'Sekundārais teksts',
                tertiaryText: 'Terciārais teksts',
            },
        },
    },
};

export default raLatvian;

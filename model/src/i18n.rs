//! The widget's own words, per UI language, and text direction.
//!
//! A plain table: a few hundred bytes a language, no i18n framework. Names of languages and
//! countries come from the browser's `Intl.DisplayNames`, not from here.

/// Every string the widget itself shows. `{name}` marks a value filled in by [`fill`].
#[derive(Debug)]
pub struct Labels {
    pub choose_language: &'static str,
    pub choose_country: &'static str,
    /// Accessible name of the group holding both pickers.
    pub edition: &'static str,
    /// Suffix of a country option where the current language does not exist.
    pub other_language: &'static str,
    /// `{language}` `{country}` `{shown}`: the chosen edition does not exist.
    pub no_such_edition: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    /// `{duration}`: "2 minutes", in the browser's words for the language.
    pub reading_time: &'static str,
    /// The read-aloud control: start, pause, resume, stop.
    pub listen: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop_listening: &'static str,
    /// The control under a translated block that shows its original.
    pub original: &'static str,
    /// The control that shows the whole article beside its original.
    pub side_by_side: &'static str,
    pub loading_original: &'static str,
    pub original_failed: &'static str,
    /// A translated block the original does not have.
    pub not_in_original: &'static str,
    pub source: &'static str,
    /// `{language}`: the original's language, named in the UI language.
    pub translated_from: &'static str,
    pub related: &'static str,
    pub carousel: &'static str,
    pub slide: &'static str,
    /// `{n}` `{count}`
    pub slide_n_of_count: &'static str,
    /// `{from}` `{to}` `{count}`
    pub showing_items: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub all_news: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_network: &'static str,
    /// `{status}`
    pub error_http: &'static str,
    pub error_invalid: &'static str,
    pub error_offline: &'static str,
    pub error_timeout: &'static str,
    pub switch_failed: &'static str,
    /// A teaser's link to the whole article on the publisher's site.
    pub read_whole_article: &'static str,
    /// The Share control; its confirmation once the link is copied; the label of the link
    /// shown to copy by hand when the clipboard is refused.
    pub share: &'static str,
    pub link_copied: &'static str,
    pub copy_this_link: &'static str,
}

const DE: Labels = Labels {
    choose_language: "Sprache auswählen",
    choose_country: "Land auswählen",
    edition: "Ausgabe",
    other_language: "(andere Sprache)",
    no_such_edition: "Keine Ausgabe auf {language} für {country}. Angezeigt wird: {shown}.",
    published: "Veröffentlicht",
    updated: "Aktualisiert",
    reading_time: "Lesezeit: {duration}",
    listen: "Anhören",
    pause: "Pause",
    resume: "Fortsetzen",
    stop_listening: "Vorlesen beenden",
    original: "Original",
    side_by_side: "Neben dem Original",
    loading_original: "Original wird geladen …",
    original_failed: "Das Original konnte nicht geladen werden.",
    not_in_original: "Dieser Teil steht nicht im Original.",
    source: "Quelle",
    translated_from: "Übersetzt aus dem Original auf {language}",
    related: "Ähnliche Nachrichten",
    carousel: "Karussell",
    slide: "Folie",
    slide_n_of_count: "{n} von {count}",
    showing_items: "Nachrichten {from}–{to} von {count}",
    previous: "Vorherige Nachrichten",
    next: "Nächste Nachrichten",
    all_news: "Alle News",
    loading: "Artikel wird geladen …",
    retry: "Erneut versuchen",
    error_network: "Der Artikel konnte nicht geladen werden. Bitte prüfen Sie Ihre Verbindung.",
    error_http: "Der Artikel ist gerade nicht verfügbar (Fehler {status}).",
    error_invalid: "Der Artikel enthält ungültige Daten und kann nicht angezeigt werden.",
    error_offline: "Sie sind offline. Der Artikel wird geladen, sobald die Verbindung zurück ist.",
    error_timeout: "Der Artikel lädt zu lange. Bitte versuchen Sie es erneut.",
    switch_failed:
        "Die gewählte Ausgabe konnte nicht geladen werden; der bisherige Artikel bleibt sichtbar.",
    read_whole_article: "Den ganzen Artikel lesen",
    share: "Teilen",
    link_copied: "Link kopiert",
    copy_this_link: "Diesen Link kopieren:",
};

const EN: Labels = Labels {
    choose_language: "Select language",
    choose_country: "Select country",
    edition: "Edition",
    other_language: "(other language)",
    no_such_edition: "There is no {language} edition for {country}. Showing: {shown}.",
    published: "Published",
    updated: "Updated",
    reading_time: "Reading time: {duration}",
    listen: "Listen",
    pause: "Pause",
    resume: "Resume",
    stop_listening: "Stop reading",
    original: "Original",
    side_by_side: "Side by side with the original",
    loading_original: "Loading the original…",
    original_failed: "The original could not be loaded.",
    not_in_original: "This part is not in the original.",
    source: "Source",
    translated_from: "Translated from {language}",
    related: "Related news",
    carousel: "carousel",
    slide: "slide",
    slide_n_of_count: "{n} of {count}",
    showing_items: "Items {from}–{to} of {count}",
    previous: "Previous items",
    next: "Next items",
    all_news: "All news",
    loading: "Loading article…",
    retry: "Try again",
    error_network: "The article could not be loaded. Please check your connection.",
    error_http: "The article is not available right now (error {status}).",
    error_invalid: "The article’s data is invalid and cannot be shown.",
    error_offline: "You are offline. The article will load when the connection is back.",
    error_timeout: "The article is taking too long to load. Please try again.",
    switch_failed:
        "The chosen edition could not be loaded; the article you were reading is still shown.",
    read_whole_article: "Read the whole article",
    share: "Share",
    link_copied: "Link copied",
    copy_this_link: "Copy this link:",
};

const ES: Labels = Labels {
    choose_language: "Seleccionar idioma",
    choose_country: "Seleccionar país",
    edition: "Edición",
    other_language: "(otro idioma)",
    no_such_edition: "No hay edición en {language} para {country}. Se muestra: {shown}.",
    published: "Publicado",
    updated: "Actualizado",
    reading_time: "Tiempo de lectura: {duration}",
    listen: "Escuchar",
    pause: "Pausa",
    resume: "Reanudar",
    stop_listening: "Dejar de leer",
    original: "Original",
    side_by_side: "Junto al original",
    loading_original: "Cargando el original…",
    original_failed: "No se pudo cargar el original.",
    not_in_original: "Esta parte no está en el original.",
    source: "Fuente",
    translated_from: "Traducido del {language}",
    related: "Noticias relacionadas",
    carousel: "carrusel",
    slide: "diapositiva",
    slide_n_of_count: "{n} de {count}",
    showing_items: "Noticias {from}–{to} de {count}",
    previous: "Noticias anteriores",
    next: "Noticias siguientes",
    all_news: "Todas las noticias",
    loading: "Cargando el artículo…",
    retry: "Reintentar",
    error_network: "No se pudo cargar el artículo. Compruebe su conexión.",
    error_http: "El artículo no está disponible en este momento (error {status}).",
    error_invalid: "Los datos del artículo no son válidos y no se pueden mostrar.",
    error_offline: "No hay conexión. El artículo se cargará cuando vuelva la conexión.",
    error_timeout: "El artículo tarda demasiado en cargar. Vuelva a intentarlo.",
    switch_failed: "No se pudo cargar la edición elegida; se sigue mostrando el artículo anterior.",
    read_whole_article: "Leer el artículo completo",
    share: "Compartir",
    link_copied: "Enlace copiado",
    copy_this_link: "Copie este enlace:",
};

const UK: Labels = Labels {
    choose_language: "Виберіть мову",
    choose_country: "Виберіть країну",
    edition: "Видання",
    other_language: "(інша мова)",
    no_such_edition: "Немає видання мовою «{language}» для країни «{country}». Показано: {shown}.",
    published: "Опубліковано",
    updated: "Оновлено",
    reading_time: "Час читання: {duration}",
    listen: "Слухати",
    pause: "Пауза",
    resume: "Продовжити",
    stop_listening: "Зупинити читання",
    original: "Оригінал",
    side_by_side: "Поруч з оригіналом",
    loading_original: "Завантаження оригіналу…",
    original_failed: "Не вдалося завантажити оригінал.",
    not_in_original: "Цієї частини немає в оригіналі.",
    source: "Джерело",
    translated_from: "Переклад, мова оригіналу: {language}",
    related: "Схожі новини",
    carousel: "карусель",
    slide: "слайд",
    slide_n_of_count: "{n} з {count}",
    showing_items: "Новини {from}–{to} з {count}",
    previous: "Попередні новини",
    next: "Наступні новини",
    all_news: "Усі новини",
    loading: "Завантаження статті…",
    retry: "Спробувати ще раз",
    error_network: "Не вдалося завантажити статтю. Перевірте з’єднання.",
    error_http: "Стаття зараз недоступна (помилка {status}).",
    error_invalid: "Дані статті некоректні, тому її неможливо показати.",
    error_offline: "Ви офлайн. Статтю буде завантажено, щойно з’єднання відновиться.",
    error_timeout: "Стаття завантажується надто довго. Спробуйте ще раз.",
    switch_failed:
        "Не вдалося завантажити вибране видання; попередня стаття залишається на екрані.",
    read_whole_article: "Читати всю статтю",
    share: "Поділитися",
    link_copied: "Посилання скопійовано",
    copy_this_link: "Скопіюйте це посилання:",
};

const AR: Labels = Labels {
    choose_language: "اختر اللغة",
    choose_country: "اختر البلد",
    edition: "النسخة",
    other_language: "(لغة أخرى)",
    no_such_edition: "لا توجد نسخة باللغة {language} في {country}. المعروض: {shown}.",
    published: "نُشر",
    updated: "حُدّث",
    reading_time: "مدة القراءة: {duration}",
    listen: "استمع",
    pause: "إيقاف مؤقت",
    resume: "استئناف",
    stop_listening: "إيقاف القراءة",
    original: "النص الأصلي",
    side_by_side: "بجانب النص الأصلي",
    loading_original: "جارٍ تحميل النص الأصلي…",
    original_failed: "تعذّر تحميل النص الأصلي.",
    not_in_original: "هذا الجزء غير موجود في النص الأصلي.",
    source: "المصدر",
    translated_from: "مترجم من {language}",
    related: "أخبار ذات صلة",
    carousel: "عرض دوّار",
    slide: "شريحة",
    slide_n_of_count: "{n} من {count}",
    showing_items: "الأخبار {from}–{to} من {count}",
    previous: "الأخبار السابقة",
    next: "الأخبار التالية",
    all_news: "كل الأخبار",
    loading: "جارٍ تحميل المقال…",
    retry: "إعادة المحاولة",
    error_network: "تعذّر تحميل المقال. يُرجى التحقق من اتصالك.",
    error_http: "المقال غير متاح حاليًا (خطأ {status}).",
    error_invalid: "بيانات المقال غير صالحة ولا يمكن عرضه.",
    error_offline: "أنت غير متصل. سيُحمَّل المقال عند عودة الاتصال.",
    error_timeout: "يستغرق تحميل المقال وقتًا طويلًا. يُرجى إعادة المحاولة.",
    switch_failed: "تعذّر تحميل النسخة المختارة؛ لا يزال المقال السابق معروضًا.",
    read_whole_article: "اقرأ المقال كاملاً",
    share: "مشاركة",
    link_copied: "تم نسخ الرابط",
    copy_this_link: "انسخ هذا الرابط:",
};

const JA: Labels = Labels {
    choose_language: "言語を選択",
    choose_country: "国を選択",
    edition: "版",
    other_language: "（他の言語）",
    no_such_edition: "{country}向けの{language}版はありません。表示中：{shown}",
    published: "公開",
    updated: "更新",
    reading_time: "読了時間：{duration}",
    listen: "読み上げ",
    pause: "一時停止",
    resume: "再開",
    stop_listening: "読み上げを停止",
    original: "原文",
    side_by_side: "原文と並べて表示",
    loading_original: "原文を読み込み中…",
    original_failed: "原文を読み込めませんでした。",
    not_in_original: "この部分は原文にありません。",
    source: "出典",
    translated_from: "{language}からの翻訳",
    related: "関連ニュース",
    carousel: "カルーセル",
    slide: "スライド",
    slide_n_of_count: "{count}件中{n}件目",
    showing_items: "{count}件中{from}–{to}件目",
    previous: "前のニュース",
    next: "次のニュース",
    all_news: "すべてのニュース",
    loading: "記事を読み込んでいます…",
    retry: "再試行",
    error_network: "記事を読み込めませんでした。接続を確認してください。",
    error_http: "現在この記事を表示できません（エラー {status}）。",
    error_invalid: "記事のデータが無効なため表示できません。",
    error_offline: "オフラインです。接続が戻ると記事を読み込みます。",
    error_timeout: "記事の読み込みに時間がかかっています。もう一度お試しください。",
    switch_failed: "選択した版を読み込めませんでした。元の記事をそのまま表示しています。",
    read_whole_article: "記事全文を読む",
    share: "共有",
    link_copied: "リンクをコピーしました",
    copy_this_link: "このリンクをコピーしてください：",
};

const FR: Labels = Labels {
    choose_language: "Choisir la langue",
    choose_country: "Choisir le pays",
    edition: "Édition",
    other_language: "(autre langue)",
    no_such_edition: "Pas d’édition en {language} pour ce pays : {country}. Affiché : {shown}.",
    published: "Publié",
    updated: "Mis à jour",
    reading_time: "Temps de lecture : {duration}",
    listen: "Écouter",
    pause: "Pause",
    resume: "Reprendre",
    stop_listening: "Arrêter la lecture",
    original: "Original",
    side_by_side: "À côté de l’original",
    loading_original: "Chargement de l’original…",
    original_failed: "Impossible de charger l’original.",
    not_in_original: "Ce passage ne figure pas dans l’original.",
    source: "Source",
    translated_from: "Traduit, langue d’origine : {language}",
    related: "Articles liés",
    carousel: "carrousel",
    slide: "diapositive",
    slide_n_of_count: "{n} sur {count}",
    showing_items: "Articles {from} à {to} sur {count}",
    previous: "Articles précédents",
    next: "Articles suivants",
    all_news: "Toute l’actualité",
    loading: "Chargement de l’article…",
    retry: "Réessayer",
    error_network: "L’article n’a pas pu être chargé. Vérifiez votre connexion.",
    error_http: "L’article n’est pas disponible pour le moment (erreur {status}).",
    error_invalid: "Les données de l’article ne sont pas valides ; il ne peut pas être affiché.",
    error_offline: "Vous êtes hors ligne. L’article se chargera dès le retour de la connexion.",
    error_timeout: "Le chargement de l’article prend trop de temps. Veuillez réessayer.",
    switch_failed: "L’édition choisie n’a pas pu être chargée ; l’article précédent reste affiché.",
    read_whole_article: "Lire l’article en entier",
    share: "Partager",
    link_copied: "Lien copié",
    copy_this_link: "Copiez ce lien\u{a0}:",
};

const IT: Labels = Labels {
    choose_language: "Seleziona la lingua",
    choose_country: "Seleziona il paese",
    edition: "Edizione",
    other_language: "(altra lingua)",
    no_such_edition: "Nessuna edizione in {language} per {country}. Visualizzata: {shown}.",
    published: "Pubblicato",
    updated: "Aggiornato",
    reading_time: "Tempo di lettura: {duration}",
    listen: "Ascolta",
    pause: "Pausa",
    resume: "Riprendi",
    stop_listening: "Interrompi la lettura",
    original: "Originale",
    side_by_side: "Accanto all’originale",
    loading_original: "Caricamento dell’originale…",
    original_failed: "Impossibile caricare l’originale.",
    not_in_original: "Questa parte non è nell’originale.",
    source: "Fonte",
    translated_from: "Tradotto, lingua originale: {language}",
    related: "Notizie correlate",
    carousel: "carosello",
    slide: "diapositiva",
    slide_n_of_count: "{n} di {count}",
    showing_items: "Notizie {from}–{to} di {count}",
    previous: "Notizie precedenti",
    next: "Notizie successive",
    all_news: "Tutte le notizie",
    loading: "Caricamento dell’articolo…",
    retry: "Riprova",
    error_network: "Impossibile caricare l’articolo. Controlla la connessione.",
    error_http: "L’articolo non è disponibile al momento (errore {status}).",
    error_invalid: "I dati dell’articolo non sono validi e non può essere mostrato.",
    error_offline: "Sei offline. L’articolo verrà caricato quando tornerà la connessione.",
    error_timeout: "Il caricamento dell’articolo richiede troppo tempo. Riprova.",
    switch_failed: "Impossibile caricare l’edizione scelta; resta visibile l’articolo precedente.",
    read_whole_article: "Leggi l’articolo completo",
    share: "Condividi",
    link_copied: "Link copiato",
    copy_this_link: "Copia questo link:",
};

const PT: Labels = Labels {
    choose_language: "Selecionar idioma",
    choose_country: "Selecionar país",
    edition: "Edição",
    other_language: "(outro idioma)",
    no_such_edition: "Não há edição em {language} para {country}. Mostrando: {shown}.",
    published: "Publicado",
    updated: "Atualizado",
    reading_time: "Tempo de leitura: {duration}",
    listen: "Ouvir",
    pause: "Pausar",
    resume: "Retomar",
    stop_listening: "Parar a leitura",
    original: "Original",
    side_by_side: "Ao lado do original",
    loading_original: "Carregando o original…",
    original_failed: "Não foi possível carregar o original.",
    not_in_original: "Esta parte não está no original.",
    source: "Fonte",
    translated_from: "Traduzido, idioma original: {language}",
    related: "Notícias relacionadas",
    carousel: "carrossel",
    slide: "slide",
    slide_n_of_count: "{n} de {count}",
    showing_items: "Notícias {from}–{to} de {count}",
    previous: "Notícias anteriores",
    next: "Próximas notícias",
    all_news: "Todas as notícias",
    loading: "Carregando o artigo…",
    retry: "Tentar novamente",
    error_network: "Não foi possível carregar o artigo. Verifique sua conexão.",
    error_http: "O artigo não está disponível no momento (erro {status}).",
    error_invalid: "Os dados do artigo são inválidos e ele não pode ser exibido.",
    error_offline: "Você está offline. O artigo será carregado quando a conexão voltar.",
    error_timeout: "O artigo está demorando demais para carregar. Tente novamente.",
    switch_failed:
        "Não foi possível carregar a edição escolhida; o artigo anterior continua visível.",
    read_whole_article: "Ler o artigo completo",
    share: "Compartilhar",
    link_copied: "Link copiado",
    copy_this_link: "Copie este link:",
};

const PL: Labels = Labels {
    choose_language: "Wybierz język",
    choose_country: "Wybierz kraj",
    edition: "Wydanie",
    other_language: "(inny język)",
    no_such_edition:
        "Brak wydania w języku: {language} dla kraju: {country}. Wyświetlane: {shown}.",
    published: "Opublikowano",
    updated: "Zaktualizowano",
    reading_time: "Czas czytania: {duration}",
    listen: "Posłuchaj",
    pause: "Wstrzymaj",
    resume: "Wznów",
    stop_listening: "Zatrzymaj czytanie",
    original: "Oryginał",
    side_by_side: "Obok oryginału",
    loading_original: "Wczytywanie oryginału…",
    original_failed: "Nie udało się wczytać oryginału.",
    not_in_original: "Tego fragmentu nie ma w oryginale.",
    source: "Źródło",
    translated_from: "Tłumaczenie, język oryginału: {language}",
    related: "Powiązane wiadomości",
    carousel: "karuzela",
    slide: "slajd",
    slide_n_of_count: "{n} z {count}",
    showing_items: "Wiadomości {from}–{to} z {count}",
    previous: "Poprzednie wiadomości",
    next: "Następne wiadomości",
    all_news: "Wszystkie wiadomości",
    loading: "Wczytywanie artykułu…",
    retry: "Spróbuj ponownie",
    error_network: "Nie udało się wczytać artykułu. Sprawdź połączenie.",
    error_http: "Artykuł jest teraz niedostępny (błąd {status}).",
    error_invalid: "Dane artykułu są nieprawidłowe i nie można go wyświetlić.",
    error_offline: "Jesteś offline. Artykuł wczyta się, gdy połączenie wróci.",
    error_timeout: "Wczytywanie artykułu trwa zbyt długo. Spróbuj ponownie.",
    switch_failed: "Nie udało się wczytać wybranego wydania; poprzedni artykuł pozostaje widoczny.",
    read_whole_article: "Przeczytaj cały artykuł",
    share: "Udostępnij",
    link_copied: "Link skopiowany",
    copy_this_link: "Skopiuj ten link:",
};

const RU: Labels = Labels {
    choose_language: "Выберите язык",
    choose_country: "Выберите страну",
    edition: "Выпуск",
    other_language: "(другой язык)",
    no_such_edition: "Нет выпуска на языке «{language}» для страны «{country}». Показан: {shown}.",
    published: "Опубликовано",
    updated: "Обновлено",
    reading_time: "Время чтения: {duration}",
    listen: "Слушать",
    pause: "Пауза",
    resume: "Продолжить",
    stop_listening: "Остановить чтение",
    original: "Оригинал",
    side_by_side: "Рядом с оригиналом",
    loading_original: "Загрузка оригинала…",
    original_failed: "Не удалось загрузить оригинал.",
    not_in_original: "Этой части нет в оригинале.",
    source: "Источник",
    translated_from: "Перевод, язык оригинала: {language}",
    related: "Похожие новости",
    carousel: "карусель",
    slide: "слайд",
    slide_n_of_count: "{n} из {count}",
    showing_items: "Новости {from}–{to} из {count}",
    previous: "Предыдущие новости",
    next: "Следующие новости",
    all_news: "Все новости",
    loading: "Загрузка статьи…",
    retry: "Повторить",
    error_network: "Не удалось загрузить статью. Проверьте подключение.",
    error_http: "Статья сейчас недоступна (ошибка {status}).",
    error_invalid: "Данные статьи некорректны, её невозможно показать.",
    error_offline: "Нет подключения. Статья загрузится, когда связь восстановится.",
    error_timeout: "Статья загружается слишком долго. Попробуйте ещё раз.",
    switch_failed: "Не удалось загрузить выбранный выпуск; предыдущая статья остаётся на экране.",
    read_whole_article: "Читать всю статью",
    share: "Поделиться",
    link_copied: "Ссылка скопирована",
    copy_this_link: "Скопируйте эту ссылку:",
};

const TR: Labels = Labels {
    choose_language: "Dil seçin",
    choose_country: "Ülke seçin",
    edition: "Baskı",
    other_language: "(başka dil)",
    no_such_edition: "{country} için {language} baskı yok. Gösterilen: {shown}.",
    published: "Yayımlandı",
    updated: "Güncellendi",
    reading_time: "Okuma süresi: {duration}",
    listen: "Dinle",
    pause: "Duraklat",
    resume: "Devam et",
    stop_listening: "Okumayı durdur",
    original: "Orijinal",
    side_by_side: "Orijinalle yan yana",
    loading_original: "Orijinal yükleniyor…",
    original_failed: "Orijinal yüklenemedi.",
    not_in_original: "Bu bölüm orijinalde yok.",
    source: "Kaynak",
    translated_from: "Çeviri, özgün dil: {language}",
    related: "İlgili haberler",
    carousel: "döngü",
    slide: "slayt",
    slide_n_of_count: "{n} / {count}",
    showing_items: "Haberler {from}–{to} / {count}",
    previous: "Önceki haberler",
    next: "Sonraki haberler",
    all_news: "Tüm haberler",
    loading: "Makale yükleniyor…",
    retry: "Tekrar dene",
    error_network: "Makale yüklenemedi. Lütfen bağlantınızı kontrol edin.",
    error_http: "Makale şu anda kullanılamıyor (hata {status}).",
    error_invalid: "Makale verileri geçersiz olduğu için gösterilemiyor.",
    error_offline: "Çevrimdışısınız. Bağlantı geri geldiğinde makale yüklenecek.",
    error_timeout: "Makalenin yüklenmesi çok uzun sürüyor. Lütfen tekrar deneyin.",
    switch_failed: "Seçilen baskı yüklenemedi; önceki makale görüntülenmeye devam ediyor.",
    read_whole_article: "Makalenin tamamını okuyun",
    share: "Paylaş",
    link_copied: "Bağlantı kopyalandı",
    copy_this_link: "Bu bağlantıyı kopyalayın:",
};

/// The UI languages the widget speaks.
pub const UI_LANGUAGES: [&str; 12] = [
    "de", "en", "es", "fr", "it", "pt", "pl", "uk", "ru", "tr", "ar", "ja",
];

/// The widget's words in `lang`, or in English when it does not speak `lang`.
pub fn labels(lang: &str) -> &'static Labels {
    match primary_subtag(lang) {
        "de" => &DE,
        "es" => &ES,
        "uk" => &UK,
        "fr" => &FR,
        "it" => &IT,
        "pt" => &PT,
        "pl" => &PL,
        "ru" => &RU,
        "tr" => &TR,
        "ar" => &AR,
        "ja" => &JA,
        _ => &EN,
    }
}

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    pub fn of(lang: &str) -> Direction {
        match primary_subtag(lang) {
            "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" => Direction::RightToLeft,
            _ => Direction::LeftToRight,
        }
    }

    /// The value of the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// The `dir` attribute of text in `lang`: its [`Direction`], or `auto` for text whose language
/// is undetermined (`und`), which may be in any script: the browser takes the direction of its
/// first strong letter.
pub fn text_dir(lang: &str) -> &'static str {
    if lang == crate::UNDETERMINED_LANG {
        "auto"
    } else {
        Direction::of(lang).as_attr()
    }
}

/// A language's name in that language (what a reader of it looks for in a list).
pub fn autonym(lang: &str) -> Option<&'static str> {
    Some(match primary_subtag(lang) {
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "uk" => "Українська",
        "ar" => "العربية",
        "ja" => "日本語",
        "fr" => "Français",
        "it" => "Italiano",
        "pt" => "Português",
        "pl" => "Polski",
        "ru" => "Русский",
        "tr" => "Türkçe",
        "he" => "עברית",
        "zh" => "中文",
        _ => return None,
    })
}

/// Fills `{name}` slots in a label template. Unknown slots stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

fn primary_subtag(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_language_and_fall_back_to_english() {
        assert_eq!(labels("de").choose_language, "Sprache auswählen");
        assert_eq!(labels("de-MX").related, "Ähnliche Nachrichten");
        assert_eq!(labels("es").all_news, "Todas las noticias");
        assert_eq!(labels("xx").retry, "Try again");
        assert_eq!(labels("fr").read_whole_article, "Lire l’article en entier");
    }

    #[test]
    fn every_ui_language_fills_the_same_slots_as_english() {
        let slots = |l: &Labels| {
            [
                l.no_such_edition,
                l.translated_from,
                l.slide_n_of_count,
                l.showing_items,
                l.error_http,
            ]
            .map(|t| {
                let mut names: Vec<&str> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|s| s.split('}').next())
                    .collect();
                names.sort();
                names
            })
        };
        for lang in UI_LANGUAGES {
            assert_eq!(slots(labels(lang)), slots(labels("en")), "{lang}");
            assert!(autonym(lang).is_some(), "{lang} has no autonym");
        }
    }

    #[test]
    fn every_ui_language_has_its_own_teaser_link() {
        for lang in UI_LANGUAGES {
            let text = labels(lang).read_whole_article;
            assert!(!text.trim().is_empty(), "{lang}");
            assert!(
                lang == "en" || text != EN.read_whole_article,
                "{lang} is not translated"
            );
        }
    }

    #[test]
    fn every_ui_language_has_its_own_share_words() {
        for lang in UI_LANGUAGES {
            let l = labels(lang);
            for (text, english) in [
                (l.share, EN.share),
                (l.link_copied, EN.link_copied),
                (l.copy_this_link, EN.copy_this_link),
            ] {
                assert!(!text.trim().is_empty(), "{lang}");
                assert!(
                    lang == "en" || text != english,
                    "{lang}: {text} is not translated"
                );
            }
        }
        assert_eq!(labels("de").share, "Teilen");
        assert_eq!(labels("fr").copy_this_link, "Copiez ce lien\u{a0}:");
    }

    #[test]
    fn fills_slots() {
        assert_eq!(
            fill("{n} von {count}", &[("n", "2"), ("count", "10")]),
            "2 von 10"
        );
    }

    #[test]
    fn arabic_and_hebrew_are_right_to_left() {
        assert_eq!(Direction::of("ar").as_attr(), "rtl");
        assert_eq!(Direction::of("he-IL").as_attr(), "rtl");
        assert_eq!(Direction::of("de").as_attr(), "ltr");
        assert_eq!(text_dir("ar"), "rtl");
        // Undetermined text (`und`) follows its own letters; the widget's words are English.
        assert_eq!(text_dir("und"), "auto");
        assert_eq!(labels("und").published, "Published");
    }
}

import type { Locale } from '../shared/i18n.js';

/** Spanish: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Una distinción importante|Nota importante|Aviso de contenido|Mostrar esta parte|' +
      'Ocultar esta parte|Contraer la nota|Mostrar la nota',
  'journal-prompts':
    'Tu propia pregunta|Tu respuesta|Anterior|Siguiente|{i} de {n}|' +
      'Guardar mis respuestas en este dispositivo|' +
      'Tus respuestas se quedan en esta pestaña hasta que la cierres.|' +
      'Tus respuestas se quedan en este dispositivo.|Tus respuestas no se guardan.|' +
      'Este navegador bloquea el guardado: tus respuestas duran hasta que salgas de la página.|' +
      'Nunca se envían a ningún sitio.|Copiar todo|Descargar .md|Descargar .txt|Imprimir|' +
      'Borrar mis respuestas|¿Borrar todas tus respuestas? No se puede deshacer.|Copiado.|' +
      'Descargado.|Tus respuestas se han borrado.|No se pudo copiar.|' +
      'No ha funcionado; inténtalo de nuevo.',
  'book-call-cta':
    'Reservar una llamada|Cerrar|Abre {name}, un servicio externo que puede usar cookies.|' +
      'Abrirlo mejor en una pestaña nueva',
  'related-stories':
    '{n} min de lectura',
};

export default locale;

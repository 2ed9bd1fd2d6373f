import type { Locale } from '../shared/i18n.js';

/** Spanish: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Una distinción importante|Nota importante|Aviso de contenido|Mostrar esta parte|' +
      'Ocultar esta parte|Contraer la nota|Mostrar la nota|' +
      'Salir de esta página|Cargando.',
  'journal-prompts':
    'Tu propia pregunta|Tu respuesta|Anterior|Siguiente|{i} de {n}|' +
      'Guardar mis respuestas en este dispositivo|' +
      'Tus respuestas se quedan en esta pestaña hasta que la cierres.|' +
      'Tus respuestas se quedan en este dispositivo.|Tus respuestas no se guardan.|' +
      'Este navegador bloquea el guardado: tus respuestas duran hasta que salgas de la página.|' +
      'Nunca se envían a ningún sitio.|Copiar todo|Descargar .md|Descargar .txt|Imprimir|' +
      'Borrar mis respuestas|¿Borrar todas tus respuestas? No se puede deshacer.|Copiado.|' +
      'Descargado.|Tus respuestas se han borrado.|No se pudo copiar.|' +
      'No ha funcionado; inténtalo de nuevo.|' +
      'Bloquear mis respuestas|Desbloquear|Tus respuestas están bloqueadas.',
  'journal-lock':
    'Elige una frase de contraseña. Tus respuestas se guardarán cifradas y solo esta frase las abre.|' +
      'Si la olvidas, tus respuestas se pierden: nadie puede recuperarlas, ni siquiera quien lleva este sitio.|' +
      'Frase de contraseña|' +
      'La misma frase otra vez|' +
      'Bloquear|' +
      'Cancelar|' +
      'Desbloquear|' +
      'Esa frase no abre estas respuestas. Inténtalo de nuevo con calma.|' +
      'Las dos frases no son iguales.|' +
      'Un momento…|' +
      'El almacenamiento rechazó las respuestas bloqueadas, así que nada ha cambiado.|' +
      '¿La olvidaste? Borrar estas respuestas|' +
      'Quitar el bloqueo|' +
      'No ha funcionado en este navegador, así que nada ha cambiado.',
  'book-call-cta':
    'Reservar una llamada|Cerrar|Abre {name}, un servicio externo que puede usar cookies.|' +
      'Abrirlo mejor en una pestaña nueva',
  'related-stories':
    '{n} min de lectura',
};

export default locale;

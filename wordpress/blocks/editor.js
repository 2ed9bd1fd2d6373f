/**
 * Gentle Widgets blocks for the block editor: plain JavaScript on WordPress's `wp.*` globals, no build.
 *
 * Each block saves its element with the element's light DOM as static HTML, which is also what a reader
 * gets without JavaScript, in a feed reader or with the plugin switched off. Every value the element
 * reads is read back from that HTML (`source: 'attribute' | 'html' | 'query'` in block.json), so what
 * WordPress's kses filter keeps for an author is exactly what the block parses again: no copy in the
 * block comment can disagree with the markup. `save` uses no translated text (it must give the same HTML
 * in every editor language).
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var Fragment = wp.element.Fragment;
	var __ = wp.i18n.__;
	var sprintf = wp.i18n.sprintf;
	var registerBlockType = wp.blocks.registerBlockType;
	var RichText = wp.blockEditor.RichText;
	var InnerBlocks = wp.blockEditor.InnerBlocks;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var SelectControl = wp.components.SelectControl;
	var ToggleControl = wp.components.ToggleControl;
	var TextControl = wp.components.TextControl;
	var CheckboxControl = wp.components.CheckboxControl;
	var Button = wp.components.Button;
	var Notice = wp.components.Notice;

	var data = window.gentleWidgetsEditor || {};
	var D = 'gentle-widgets';
	var TEXT_FORMATS = [ 'core/bold', 'core/italic' ];
	var BODY_BLOCKS = [ 'core/paragraph', 'core/list' ];

	/* ------------------------------------------------------------------------------------------------
	 * Shared pieces
	 * ---------------------------------------------------------------------------------------------- */

	/** Whether a RichText value has any text. */
	function filled( value ) {
		return typeof value === 'string' && value.replace( /<br\s*\/?>|&nbsp;/gi, '' ).trim() !== '';
	}

	/**
	 * A non-empty string, or undefined (so the attribute is not written). Without `<` and `>`: WordPress
	 * writes `<` unescaped in attribute values, and kses, for authors and contributors, would then cut
	 * the element's tag in two.
	 */
	function given( value ) {
		if ( typeof value !== 'string' ) {
			return undefined;
		}
		value = value.replace( /[<>]/g, '' );
		return value.trim() !== '' ? value : undefined;
	}

	/** The element's attributes for `save`: booleans as present-or-absent, empty values left out. */
	function elementAttributes( map ) {
		var out = {};
		Object.keys( map ).forEach( function ( name ) {
			var value = map[ name ];
			if ( value === true ) {
				out[ name ] = '';
			} else if ( typeof value === 'string' && value !== '' ) {
				out[ name ] = value;
			}
		} );
		return out;
	}

	/** `h2`…`h4`, or `p` for level 0. */
	function headingTag( level ) {
		return level >= 2 && level <= 6 ? 'h' + level : 'p';
	}

	/**
	 * A feed path with the colons of its query written `%3A`: for authors and contributors, kses takes
	 * what stands before the first colon of a URL without a scheme for a protocol, and drops it
	 * (`/wp-json/wp/v2/posts?_embed=wp:featuredmedia` would be stored as `featuredmedia`).
	 */
	function feedUrl( url ) {
		if ( ! given( url ) || /^[a-z][a-z0-9+.-]*:/i.test( url ) || url.indexOf( '?' ) === -1 ) {
			return given( url );
		}
		var at = url.indexOf( '?' );
		return url.slice( 0, at ) + url.slice( at ).replace( /:/g, '%3A' );
	}

	/** Whether the element will use this booking URL: `https:`, or `http:` on this computer. */
	function isBookingUrl( url ) {
		try {
			var parsed = new URL( url );
			return (
				parsed.protocol === 'https:' ||
				( parsed.protocol === 'http:' && [ 'localhost', '127.0.0.1', '[::1]' ].indexOf( parsed.hostname ) !== -1 )
			);
		} catch {
			return false;
		}
	}

	/**
	 * Whether the notice will use this quick exit address: `http(s)`, or a path on this site (the element
	 * reads it against the page's address). Never `javascript:`, `data:`, `mailto:` or `tel:`.
	 */
	function isExitUrl( url ) {
		try {
			return /^https?:$/.test( new URL( url, window.location.href ).protocol );
		} catch {
			return false;
		}
	}

	/** Whether a story link is one the element shows: `http(s)` or a path on this site. */
	function isStoryUrl( url ) {
		if ( /^\/(?!\/)/.test( url ) ) {
			return true;
		}
		try {
			return /^https?:$/.test( new URL( url ).protocol );
		} catch {
			return false;
		}
	}

	function headingLevelControl( attributes, setAttributes, paragraphLabel ) {
		var options = [ 2, 3, 4 ].map( function ( level ) {
			/* translators: %d: heading level, 2 to 4. */
			return { value: String( level ), label: sprintf( __( 'Heading %d', D ), level ) };
		} );
		if ( paragraphLabel ) {
			options.unshift( { value: '0', label: paragraphLabel } );
		}
		return el( SelectControl, {
			label: __( 'Heading level', D ),
			help: __( 'Match the headings around the block, so screen reader users can find their way.', D ),
			value: String( attributes.headingLevel ),
			options: options,
			onChange: function ( value ) {
				setAttributes( { headingLevel: parseInt( value, 10 ) || 0 } );
			},
		} );
	}

	/** A closed “Wording” panel: every string the element shows can be changed here. */
	function wordingPanel( labels, attributes, setAttributes ) {
		return el(
			PanelBody,
			{ title: __( 'Wording', D ), initialOpen: false },
			el( 'p', { className: 'gentle-widgets-editor__help' }, __( 'Leave a field empty to use the element’s own wording, in the reader’s language.', D ) ),
			labels.map( function ( label ) {
				return el( TextControl, {
					key: label[ 0 ],
					label: label[ 1 ],
					help: label[ 2 ],
					value: attributes[ label[ 0 ] ] || '',
					onChange: function ( value ) {
						var change = {};
						change[ label[ 0 ] ] = value === '' ? undefined : value;
						setAttributes( change );
					},
				} );
			} )
		);
	}

	/** The small line on top of each block in the editor naming what it is. */
	function blockName( text ) {
		return el( 'span', { className: 'gentle-widgets-editor__name', 'aria-hidden': 'true' }, text );
	}

	function setter( setAttributes, name ) {
		return function ( value ) {
			var change = {};
			change[ name ] = value;
			setAttributes( change );
		};
	}

	/* ------------------------------------------------------------------------------------------------
	 * <content-notice>
	 * ---------------------------------------------------------------------------------------------- */

	var NOTICE_HEADINGS = {
		distinction: __( 'An important distinction', D ),
		disclaimer: __( 'Important note', D ),
		warning: __( 'Content note: what this part talks about', D ),
	};

	registerBlockType( 'gentle-widgets/content-notice', {
		edit: function ( props ) {
			var a = props.attributes;
			var set = props.setAttributes;
			var blockProps = useBlockProps( {
				className: 'gentle-widgets-editor gentle-widgets-editor--notice is-' + a.variant,
			} );
			var gated = a.variant === 'warning' && a.gate;
			var exit = given( a.exitHref );
			var labels = [];
			if ( gated ) {
				labels.push( [ 'revealLabel', __( 'Button that shows the text', D ), __( 'Default: “Show this part”.', D ) ] );
				labels.push( [ 'hideLabel', __( 'Button that folds the text away again', D ), __( 'Default: “Hide this part”.', D ) ] );
			}
			if ( a.dismissible ) {
				labels.push( [ 'dismissLabel', __( 'Button that collapses the notice', D ), __( 'Default: “Collapse note”.', D ) ] );
				labels.push( [ 'restoreLabel', __( 'Button that opens it again', D ), __( 'Default: “Show note”.', D ) ] );
			}
			if ( exit ) {
				labels.push( [ 'exitLabel', __( 'Quick exit button', D ), __( 'Default: “Exit this page”.', D ) ] );
				labels.push( [ 'exitingLabel', __( 'Quick exit: what the blank page and its tab say while the everyday page loads', D ), __( 'Default: “Loading.” Keep it neutral: someone may be watching or listening.', D ) ] );
			}
			return el(
				Fragment,
				null,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Notice', D ) },
						el( SelectControl, {
							label: __( 'Kind of notice', D ),
							value: a.variant,
							options: [
								{ value: 'distinction', label: __( 'Distinction: “this is something different”', D ) },
								{ value: 'disclaimer', label: __( 'Disclaimer: a quiet closing note', D ) },
								{ value: 'warning', label: __( 'Content note: says what follows', D ) },
							],
							onChange: setter( set, 'variant' ),
						} ),
						a.variant === 'warning'
							? el( ToggleControl, {
									label: __( 'Fold the text away until the reader chooses to read it', D ),
									help: __( 'The reader presses a button to read it, and can fold it away again. Without JavaScript the text shows.', D ),
									checked: !! a.gate,
									onChange: setter( set, 'gate' ),
							  } )
							: null,
						el( ToggleControl, {
							label: __( 'Let readers collapse the notice', D ),
							checked: !! a.dismissible,
							onChange: setter( set, 'dismissible' ),
						} ),
						gated || a.dismissible
							? el( SelectControl, {
									label: __( 'Remember the reader’s choice', D ),
									value: a.remember,
									options: [
										{ value: 'none', label: __( 'No', D ) },
										{ value: 'session', label: __( 'Until the tab closes', D ) },
										{ value: 'local', label: __( 'On this device', D ) },
									],
									onChange: setter( set, 'remember' ),
							  } )
							: null,
						el( TextControl, {
							type: 'url',
							label: __( 'Quick exit: an everyday page to leave for (optional)', D ),
							help:
								exit && ! isExitUrl( exit )
									? __( 'Use an address that starts with https://, or there is no quick exit.', D )
									: __( 'Readers can press an “Exit this page” button, or Shift three times, to leave at once: the page goes blank and this address replaces it, in the browser’s history too. Choose a page that draws no attention, such as a weather forecast. Leave empty for no quick exit.', D ),
							value: a.exitHref || '',
							onChange: function ( value ) {
								set( { exitHref: value.trim() || undefined } );
							},
						} ),
						headingLevelControl( a, set, __( 'Paragraph', D ) )
					),
					labels.length ? wordingPanel( labels, a, set ) : null
				),
				el(
					'div',
					blockProps,
					blockName( __( 'Content notice', D ) ),
					exit ? el( 'p', { className: 'gentle-widgets-editor__help' }, __( 'Readers see an “Exit this page” button here, above the heading.', D ) ) : null,
					el( RichText, {
						tagName: headingTag( a.headingLevel ),
						className: 'gentle-widgets-editor__heading',
						'aria-label': __( 'Notice heading', D ),
						placeholder: NOTICE_HEADINGS[ a.variant ] || NOTICE_HEADINGS.distinction,
						value: a.heading,
						allowedFormats: TEXT_FORMATS,
						onChange: setter( set, 'heading' ),
					} ),
					gated ? el( 'p', { className: 'gentle-widgets-editor__help' }, __( 'Readers see a button here first; the text below shows when they press it.', D ) ) : null,
					el(
						'div',
						{ className: 'gentle-widgets-editor__body' },
						el( InnerBlocks, {
							allowedBlocks: BODY_BLOCKS,
							template: [ [ 'core/paragraph', { placeholder: __( 'What the reader should know…', D ) } ] ],
						} )
					),
					el( RichText, {
						tagName: 'p',
						className: 'gentle-widgets-editor__resources',
						'aria-label': __( 'Support links', D ),
						placeholder: __( 'Support links (optional), such as a crisis line as a tel: link', D ),
						value: a.resources,
						onChange: setter( set, 'resources' ),
					} )
				)
			);
		},

		save: function ( props ) {
			var a = props.attributes;
			var gated = a.variant === 'warning' && !! a.gate;
			return el(
				'content-notice',
				useBlockProps.save(
					elementAttributes( {
						variant: a.variant,
						gate: gated,
						remember: a.remember !== 'none' ? a.remember : undefined,
						dismissible: !! a.dismissible,
						'exit-href': given( a.exitHref ),
						'reveal-label': given( a.revealLabel ),
						'hide-label': given( a.hideLabel ),
						'dismiss-label': given( a.dismissLabel ),
						'restore-label': given( a.restoreLabel ),
						'exit-label': given( a.exitLabel ),
						'exiting-label': given( a.exitingLabel ),
					} )
				),
				filled( a.heading ) ? el( RichText.Content, { tagName: headingTag( a.headingLevel ), slot: 'heading', value: a.heading } ) : null,
				el( InnerBlocks.Content ),
				filled( a.resources ) ? el( RichText.Content, { tagName: 'p', slot: 'resources', value: a.resources } ) : null
			);
		},
	} );

	/* ------------------------------------------------------------------------------------------------
	 * <journal-prompts>
	 * ---------------------------------------------------------------------------------------------- */

	var JOURNAL_LABELS = [
		[ 'questionLabel', __( 'The reader’s own question', D ), __( 'Default: “Your own question”.', D ) ],
		[ 'answerLabel', __( 'The answer to it', D ), __( 'Default: “Your answer”.', D ) ],
		[ 'previousLabel', __( 'Steps: “Previous” button', D ) ],
		[ 'nextLabel', __( 'Steps: “Next” button', D ) ],
		[ 'stepLabel', __( 'Steps: where the reader is', D ), __( '{i} is the step, {n} how many, as in “Step {i} of {n}”.', D ) ],
		[ 'keepLabel', __( 'Switch that keeps the answers on this device', D ) ],
		[ 'sessionLabel', __( 'Line: answers stay in this tab until it closes', D ) ],
		[ 'localLabel', __( 'Line: answers stay on this device', D ) ],
		[ 'noneLabel', __( 'Line: answers are not saved', D ) ],
		[ 'memoryLabel', __( 'Line: the browser does not let the page save', D ) ],
		[ 'neverLabel', __( 'Line: answers are never sent anywhere', D ) ],
		[ 'copyLabel', __( '“Copy all” button', D ) ],
		[ 'markdownLabel', __( '“Download .md” button', D ) ],
		[ 'textLabel', __( '“Download .txt” button', D ) ],
		[ 'printLabel', __( '“Print” button', D ) ],
		[ 'deleteLabel', __( '“Delete my answers” button', D ) ],
		[ 'confirmLabel', __( 'Question asked before deleting', D ) ],
		[ 'copiedLabel', __( 'Message after copying', D ) ],
		[ 'downloadedLabel', __( 'Message after a download', D ) ],
		[ 'deletedLabel', __( 'Message after deleting', D ) ],
		[ 'failedLabel', __( 'Message when copying failed', D ) ],
		[ 'unavailableLabel', __( 'Message when a button cannot work (offline)', D ) ],
	];

	/** The lock's wording: shown in the panel while readers may lock their answers. */
	var LOCK_LABELS = [
		[ 'lockLabel', __( 'Lock: “Lock my answers” button', D ) ],
		[ 'unlockLabel', __( 'Lock: “Unlock” button of a locked journal', D ) ],
		[ 'lockedLabel', __( 'Lock: line saying the answers are locked', D ), __( 'Default: “Your answers are locked.”', D ) ],
		[ 'chooseLabel', __( 'Lock: words above a new passphrase', D ), __( 'Default: “Choose a passphrase. Your answers will be stored encrypted, and only this passphrase opens them.”', D ) ],
		[ 'goneLabel', __( 'Lock: warning about forgetting the passphrase', D ), __( 'Default: “If you forget it, your answers are gone: no one can recover them, not even this site’s owner.” Say it as plainly.', D ) ],
		[ 'passphraseLabel', __( 'Lock: passphrase field', D ), __( 'Default: “Passphrase”.', D ) ],
		[ 'repeatLabel', __( 'Lock: field that repeats a new passphrase', D ), __( 'Default: “The same passphrase again”.', D ) ],
		[ 'sealLabel', __( 'Lock: button that locks with the new passphrase', D ), __( 'Default: “Lock”.', D ) ],
		[ 'cancelLabel', __( 'Lock: button that closes the form', D ), __( 'Default: “Cancel”.', D ) ],
		[ 'openLabel', __( 'Lock: button that unlocks with the passphrase typed', D ), __( 'Default: “Unlock”.', D ) ],
		[ 'wrongLabel', __( 'Lock: message when the passphrase is wrong', D ), __( 'Default: “That passphrase does not open these answers. Please try again.”', D ) ],
		[ 'differLabel', __( 'Lock: message when the two passphrases differ', D ), __( 'Default: “The two passphrases are not the same.”', D ) ],
		[ 'workingLabel', __( 'Lock: message while it works', D ), __( 'Default: “One moment…”', D ) ],
		[ 'unsavedLabel', __( 'Lock: message when the browser refused to store the locked answers', D ), __( 'Default: “Storage refused the locked answers, so nothing changed.”', D ) ],
		[ 'forgotLabel', __( 'Lock: button that deletes answers whose passphrase is forgotten', D ), __( 'Default: “Forgot it? Delete these answers”.', D ) ],
		[ 'removeLabel', __( 'Lock: button that removes the lock, keeping the answers', D ), __( 'Default: “Remove the lock”.', D ) ],
	];

	function journalElementAttributes( a ) {
		var map = {
			layout: a.layout !== 'list' ? a.layout : undefined,
			storage: a.storage !== 'session' ? a.storage : undefined,
			'storage-key': given( a.storageKey ),
			'storage-locked': !! a.storageLocked,
			lock: a.lock === 'off' ? 'off' : undefined,
		};
		JOURNAL_LABELS.concat( LOCK_LABELS ).forEach( function ( label ) {
			map[ label[ 0 ].replace( /[A-Z]/g, '-$&' ).toLowerCase() ] = given( a[ label[ 0 ] ] );
		} );
		return elementAttributes( map );
	}

	registerBlockType( 'gentle-widgets/journal-prompts', {
		edit: function ( props ) {
			var a = props.attributes;
			var set = props.setAttributes;
			var blockProps = useBlockProps( { className: 'gentle-widgets-editor gentle-widgets-editor--journal' } );
			var prompt = __( 'A prompt, such as “What was there to be released?”', D );
			return el(
				Fragment,
				null,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Journal', D ) },
						el( SelectControl, {
							label: __( 'Show the prompts', D ),
							value: a.layout,
							options: [
								{ value: 'list', label: __( 'All at once', D ) },
								{ value: 'steps', label: __( 'One at a time', D ) },
							],
							onChange: setter( set, 'layout' ),
						} ),
						el( SelectControl, {
							label: __( 'Keep the reader’s answers', D ),
							help: __( 'Answers never leave the reader’s device.', D ),
							value: a.storage,
							options: [
								{ value: 'session', label: __( 'Until the tab closes', D ) },
								{ value: 'local', label: __( 'On this device', D ) },
								{ value: 'none', label: __( 'Not at all', D ) },
							],
							onChange: setter( set, 'storage' ),
						} ),
						el( ToggleControl, {
							label: __( 'Do not let readers change where answers are kept', D ),
							checked: !! a.storageLocked,
							onChange: setter( set, 'storageLocked' ),
						} ),
						a.storage !== 'none'
							? el( ToggleControl, {
									label: __( 'Let readers lock their answers with a passphrase', D ),
									help: __( 'A “Lock my answers” button: the answers are then kept only encrypted, and only the reader’s passphrase opens them. Answers someone locked earlier still open when this is off.', D ),
									checked: a.lock !== 'off',
									onChange: function ( checked ) {
										set( { lock: checked ? 'on' : 'off' } );
									},
							  } )
							: null,
						el( TextControl, {
							label: __( 'Name for the stored answers (optional)', D ),
							help: __( 'Journals with the same name share their answers, across pages too.', D ),
							value: a.storageKey || '',
							onChange: function ( value ) {
								set( { storageKey: value === '' ? undefined : value } );
							},
						} ),
						headingLevelControl( a, set, __( 'Paragraph', D ) )
					),
					wordingPanel( a.storage !== 'none' && a.lock !== 'off' ? JOURNAL_LABELS.concat( LOCK_LABELS ) : JOURNAL_LABELS, a, set )
				),
				el(
					'div',
					blockProps,
					blockName( __( 'Journal prompts', D ) ),
					el( RichText, {
						tagName: headingTag( a.headingLevel ),
						className: 'gentle-widgets-editor__heading',
						'aria-label': __( 'Journal heading', D ),
						placeholder: __( 'A few gentle journaling prompts', D ),
						value: a.heading,
						allowedFormats: TEXT_FORMATS,
						onChange: setter( set, 'heading' ),
					} ),
					el( 'p', { className: 'gentle-widgets-editor__help' }, __( 'Each item of the list is a prompt; readers get an answer field under each.', D ) ),
					el(
						'div',
						{ className: 'gentle-widgets-editor__body' },
						el( InnerBlocks, {
							allowedBlocks: [ 'core/list' ],
							template: [
								[
									'core/list',
									{ ordered: true },
									[
										[ 'core/list-item', { placeholder: prompt } ],
										[ 'core/list-item', { placeholder: prompt } ],
										[ 'core/list-item', { placeholder: prompt } ],
									],
								],
							],
						} )
					),
					el( RichText, {
						tagName: 'p',
						className: 'gentle-widgets-editor__invitation',
						'aria-label': __( 'Invitation to write one’s own question', D ),
						placeholder: __( 'An invitation to write one’s own question (optional), such as “If another question feels more alive for you, follow that.”', D ),
						value: a.invitation,
						allowedFormats: TEXT_FORMATS,
						onChange: setter( set, 'invitation' ),
					} )
				)
			);
		},

		save: function ( props ) {
			var a = props.attributes;
			return el(
				'journal-prompts',
				useBlockProps.save( journalElementAttributes( a ) ),
				filled( a.heading ) ? el( RichText.Content, { tagName: headingTag( a.headingLevel ), slot: 'heading', value: a.heading } ) : null,
				el( InnerBlocks.Content ),
				filled( a.invitation ) ? el( RichText.Content, { tagName: 'p', slot: 'invitation', value: a.invitation } ) : null
			);
		},
	} );

	/* ------------------------------------------------------------------------------------------------
	 * <book-call-cta>
	 * ---------------------------------------------------------------------------------------------- */

	var CTA_LABELS = [
		[ 'bookLabel', __( 'Button label when the link has no text', D ), __( 'Default: “Book a call”.', D ) ],
		[ 'closeLabel', __( 'Pop-up: close button', D ), __( 'Default: “Close”.', D ) ],
		[ 'consentLabel', __( 'Line naming the scheduler', D ), __( '{name} is the scheduler’s name, such as Calendly.', D ) ],
		[ 'elsewhereLabel', __( 'Link that opens the booking page in a new tab instead', D ) ],
	];

	registerBlockType( 'gentle-widgets/book-call-cta', {
		edit: function ( props ) {
			var a = props.attributes;
			var set = props.setAttributes;
			var blockProps = useBlockProps( { className: 'gentle-widgets-editor gentle-widgets-editor--cta' } );
			var url = a.url || '';
			var urlHelp = url && ! isBookingUrl( url ) ? __( 'Use an address that starts with https:// — other links are not used.', D ) : __( 'Your scheduler page: Calendly, Cal.com, TidyCal, Acuity or any other.', D );
			return el(
				Fragment,
				null,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Booking', D ) },
						el( SelectControl, {
							label: __( 'Open the booking page', D ),
							value: a.mode,
							options: [
								{ value: 'link', label: __( 'In a new tab', D ) },
								{ value: 'popup', label: __( 'In a pop-up over the article', D ) },
								{ value: 'inline', label: __( 'In the article, after a click', D ) },
							],
							onChange: setter( set, 'mode' ),
						} ),
						el( SelectControl, {
							label: __( 'Scheduler', D ),
							value: a.provider || '',
							options: [
								{ value: '', label: __( 'Recognise from the link', D ) },
								{ value: 'calendly', label: 'Calendly' },
								{ value: 'cal', label: 'Cal.com' },
								{ value: 'tidycal', label: 'TidyCal' },
								{ value: 'acuity', label: 'Acuity Scheduling' },
								{ value: 'link', label: __( 'Another booking page', D ) },
							],
							onChange: function ( value ) {
								set( { provider: value || undefined } );
							},
						} ),
						el( ToggleControl, {
							label: __( 'Name the scheduler before anything loads', D ),
							help: __( 'Shows a line such as “Opens Calendly, an external service that may set cookies” and a plain new-tab link.', D ),
							checked: a.consent === 'required',
							onChange: function ( value ) {
								set( { consent: value ? 'required' : undefined } );
							},
						} ),
						headingLevelControl( a, set, __( 'Paragraph', D ) )
					),
					el(
						PanelBody,
						{ title: __( 'Campaign tags', D ), initialOpen: false },
						el( 'p', { className: 'gentle-widgets-editor__help' }, __( 'Optional UTM tags added to the booking link, so your scheduler can tell which article a booking came from.', D ) ),
						el( TextControl, { label: 'utm_source', value: a.utmSource || '', onChange: function ( v ) { set( { utmSource: v || undefined } ); } } ),
						el( TextControl, { label: 'utm_medium', value: a.utmMedium || '', onChange: function ( v ) { set( { utmMedium: v || undefined } ); } } ),
						el( TextControl, { label: 'utm_campaign', value: a.utmCampaign || '', onChange: function ( v ) { set( { utmCampaign: v || undefined } ); } } )
					),
					wordingPanel( CTA_LABELS, a, set )
				),
				el(
					'div',
					blockProps,
					blockName( __( 'Book a call', D ) ),
					el( RichText, {
						tagName: headingTag( a.headingLevel ),
						className: 'gentle-widgets-editor__heading',
						'aria-label': __( 'Call to action heading', D ),
						placeholder: __( 'Ready to try out holistic therapy?', D ),
						value: a.heading,
						allowedFormats: TEXT_FORMATS,
						onChange: setter( set, 'heading' ),
					} ),
					el(
						'div',
						{ className: 'gentle-widgets-editor__body' },
						el( InnerBlocks, {
							allowedBlocks: BODY_BLOCKS,
							template: [ [ 'core/paragraph', { placeholder: __( 'A few words about what the call is for…', D ) } ] ],
						} )
					),
					el(
						'div',
						{ className: 'gentle-widgets-editor__booking' },
						el( RichText, {
							tagName: 'span',
							className: 'gentle-widgets-editor__link',
							'aria-label': __( 'Booking link text', D ),
							placeholder: __( 'Book a free discovery call', D ),
							value: a.linkText,
							allowedFormats: TEXT_FORMATS,
							withoutInteractiveFormatting: true,
							onChange: setter( set, 'linkText' ),
						} ),
						el( TextControl, {
							type: 'url',
							label: __( 'Booking page', D ),
							help: urlHelp,
							placeholder: 'https://',
							value: url,
							onChange: function ( value ) {
								set( { url: value.trim() || undefined } );
							},
						} ),
						! url && data.bookingUrl
							? el(
									Button,
									{
										variant: 'secondary',
										onClick: function () {
											set( { url: data.bookingUrl } );
										},
									},
									__( 'Use my default booking page', D )
							  )
							: null,
						url && ! filled( a.linkText )
							? el( Notice, { status: 'warning', isDismissible: false }, __( 'Write the link’s text: readers without JavaScript see only that.', D ) )
							: null
					)
				)
			);
		},

		save: function ( props ) {
			var a = props.attributes;
			var url = given( a.url );
			return el(
				'book-call-cta',
				useBlockProps.save(
					elementAttributes( {
						mode: a.mode !== 'link' ? a.mode : undefined,
						provider: given( a.provider ),
						consent: given( a.consent ),
						'utm-source': given( a.utmSource ),
						'utm-medium': given( a.utmMedium ),
						'utm-campaign': given( a.utmCampaign ),
						'book-label': given( a.bookLabel ),
						'close-label': given( a.closeLabel ),
						'consent-label': given( a.consentLabel ),
						'elsewhere-label': given( a.elsewhereLabel ),
					} )
				),
				filled( a.heading )
					? el( RichText.Content, { tagName: headingTag( a.headingLevel ), 'data-gentle-widgets': 'heading', value: a.heading } )
					: null,
				el( InnerBlocks.Content ),
				url || filled( a.linkText )
					? el( 'p', { 'data-gentle-widgets': 'booking' }, el( RichText.Content, { tagName: 'a', href: url, value: a.linkText || '' } ) )
					: null
			);
		},
	} );

	/* ------------------------------------------------------------------------------------------------
	 * <related-stories>
	 * ---------------------------------------------------------------------------------------------- */

	var SHOW = [
		[ 'image', __( 'Image', D ) ],
		[ 'excerpt', __( 'Excerpt', D ) ],
		[ 'date', __( 'Date', D ) ],
		[ 'reading-time', __( 'Reading time', D ) ],
	];
	var SHOW_DEFAULT = 'image excerpt';

	function storyEditor( stories, index, set ) {
		var story = stories[ index ];
		function change( key, value ) {
			var next = stories.slice();
			next[ index ] = Object.assign( {}, story );
			next[ index ][ key ] = value;
			set( { stories: next } );
		}
		function move( by ) {
			var next = stories.slice();
			var moved = next.splice( index, 1 )[ 0 ];
			next.splice( index + by, 0, moved );
			set( { stories: next } );
		}
		/* translators: %d: the story's number in the list. */
		var name = sprintf( __( 'Story %d', D ), index + 1 );
		var url = story.url || '';
		return el(
			'li',
			{ key: index, className: 'gentle-widgets-editor__story' },
			el( RichText, {
				tagName: 'span',
				className: 'gentle-widgets-editor__story-title',
				/* translators: %s: "Story 1", "Story 2"… */
				'aria-label': sprintf( __( '%s: title', D ), name ),
				placeholder: __( 'Story title', D ),
				value: story.title,
				allowedFormats: [],
				withoutInteractiveFormatting: true,
				onChange: function ( value ) {
					change( 'title', value );
				},
			} ),
			el( RichText, {
				tagName: 'p',
				className: 'gentle-widgets-editor__story-excerpt',
				/* translators: %s: "Story 1", "Story 2"… */
				'aria-label': sprintf( __( '%s: excerpt', D ), name ),
				placeholder: __( 'A sentence or two about the story (optional)', D ),
				value: story.excerpt,
				allowedFormats: TEXT_FORMATS,
				onChange: function ( value ) {
					change( 'excerpt', value );
				},
			} ),
			el( TextControl, {
				type: 'url',
				/* translators: %s: "Story 1", "Story 2"… */
				label: sprintf( __( '%s: link', D ), name ),
				help: url && ! isStoryUrl( url ) ? __( 'Use an address that starts with https:// or /, or the story is left out.', D ) : undefined,
				value: url,
				onChange: function ( value ) {
					change( 'url', value.trim() || undefined );
				},
			} ),
			el(
				'div',
				{ className: 'gentle-widgets-editor__story-actions' },
				el(
					Button,
					/* translators: %s: "Story 1", "Story 2"… */
					{ variant: 'tertiary', disabled: index === 0, label: sprintf( __( 'Move %s up', D ), name ), onClick: function () { move( -1 ); } },
					__( 'Move up', D )
				),
				el(
					Button,
					/* translators: %s: "Story 1", "Story 2"… */
					{ variant: 'tertiary', disabled: index === stories.length - 1, label: sprintf( __( 'Move %s down', D ), name ), onClick: function () { move( 1 ); } },
					__( 'Move down', D )
				),
				el(
					Button,
					{
						variant: 'tertiary',
						isDestructive: true,
						/* translators: %s: "Story 1", "Story 2"… */
						label: sprintf( __( 'Remove %s', D ), name ),
						onClick: function () {
							var next = stories.slice();
							next.splice( index, 1 );
							set( { stories: next } );
						},
					},
					__( 'Remove', D )
				)
			)
		);
	}

	registerBlockType( 'gentle-widgets/related-stories', {
		edit: function ( props ) {
			var a = props.attributes;
			var set = props.setAttributes;
			var stories = a.stories || [];
			var blockProps = useBlockProps( { className: 'gentle-widgets-editor gentle-widgets-editor--stories' } );
			var show = ( a.show === undefined ? SHOW_DEFAULT : a.show ).split( /\s+/ ).filter( Boolean );
			function number( name, label, help ) {
				return el( TextControl, {
					type: 'number',
					min: 0,
					label: label,
					help: help,
					value: a[ name ] || '',
					onChange: function ( value ) {
						var change = {};
						change[ name ] = value === '' ? undefined : String( value );
						set( change );
					},
				} );
			}
			return el(
				Fragment,
				null,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Stories', D ) },
						el( TextControl, {
							label: __( 'Load stories from (optional)', D ),
							help: __( 'A feed on this site (or one that allows it): your latest posts, RSS, Atom, JSON Feed or a Squarespace blog. The stories you write here stay if it cannot be read.', D ),
							value: a.src || '',
							onChange: function ( value ) {
								set( { src: value.trim() || undefined } );
							},
						} ),
						data.siteFeed && a.src !== data.siteFeed
							? el(
									Button,
									{
										variant: 'secondary',
										onClick: function () {
											set( { src: data.siteFeed } );
										},
									},
									__( 'Use my latest posts', D )
							  )
							: null,
						a.src
							? el( SelectControl, {
									label: __( 'Feed format', D ),
									value: a.format,
									options: [
										{ value: 'auto', label: __( 'Recognise it', D ) },
										{ value: 'wordpress', label: 'WordPress' },
										{ value: 'squarespace', label: 'Squarespace' },
										{ value: 'rss', label: 'RSS' },
										{ value: 'atom', label: 'Atom' },
										{ value: 'jsonfeed', label: 'JSON Feed' },
									],
									onChange: setter( set, 'format' ),
							  } )
							: null,
						number( 'limit', __( 'How many stories', D ), __( '1 to 20; 3 if empty.', D ) ),
						el( SelectControl, {
							label: __( 'Layout', D ),
							value: a.layout,
							options: [
								{ value: 'grid', label: __( 'Cards side by side', D ) },
								{ value: 'list', label: __( 'One under another', D ) },
							],
							onChange: setter( set, 'layout' ),
						} ),
						el(
							'fieldset',
							{ className: 'gentle-widgets-editor__fieldset' },
							el( 'legend', null, __( 'Each card shows', D ) ),
							SHOW.map( function ( item ) {
								return el( CheckboxControl, {
									key: item[ 0 ],
									label: item[ 1 ],
									checked: show.indexOf( item[ 0 ] ) !== -1,
									onChange: function ( checked ) {
										var next = SHOW.map( function ( s ) {
											return s[ 0 ];
										} ).filter( function ( key ) {
											return key === item[ 0 ] ? checked : show.indexOf( key ) !== -1;
										} );
										var value = next.join( ' ' );
										set( { show: value === SHOW_DEFAULT ? undefined : value } );
									},
								} );
							} )
						),
						headingLevelControl( a, set, __( 'Paragraph', D ) )
					),
					el(
						PanelBody,
						{ title: __( 'Feed details', D ), initialOpen: false },
						number( 'excerptLength', __( 'Longest excerpt, in characters', D ), __( '160 if empty.', D ) ),
						number( 'cacheTtl', __( 'Reuse a loaded feed for, in seconds', D ), __( '600 if empty; 0 loads it every time.', D ) ),
						number( 'timeout', __( 'Wait for the feed at most, in seconds', D ), __( '8 if empty.', D ) )
					),
					wordingPanel( [ [ 'readingTimeLabel', __( 'Reading time', D ), __( '{n} is the minutes, as in “{n} min read”.', D ) ] ], a, set )
				),
				el(
					'div',
					blockProps,
					blockName( __( 'Related stories', D ) ),
					el( RichText, {
						tagName: headingTag( a.headingLevel ),
						className: 'gentle-widgets-editor__heading',
						'aria-label': __( 'Related stories heading', D ),
						placeholder: __( 'Read more stories', D ),
						value: a.heading,
						allowedFormats: TEXT_FORMATS,
						onChange: setter( set, 'heading' ),
					} ),
					a.src ? el( 'p', { className: 'gentle-widgets-editor__help' }, __( 'Readers see the stories from the feed; the ones below show while it loads and if it cannot be read.', D ) ) : null,
					stories.length
						? el(
								'ul',
								{ className: 'gentle-widgets-editor__stories' },
								stories.map( function ( story, index ) {
									return storyEditor( stories, index, set );
								} )
						  )
						: null,
					el(
						Button,
						{
							variant: 'secondary',
							onClick: function () {
								set( { stories: stories.concat( [ { title: '', url: undefined, excerpt: '' } ] ) } );
							},
						},
						__( 'Add a story', D )
					)
				)
			);
		},

		save: function ( props ) {
			var a = props.attributes;
			var stories = a.stories || [];
			var attributes = elementAttributes( {
						src: feedUrl( a.src ),
						format: a.format !== 'auto' ? a.format : undefined,
						limit: given( a.limit ),
						layout: a.layout !== 'grid' ? a.layout : undefined,
						show: a.show,
						'excerpt-length': given( a.excerptLength ),
						'cache-ttl': given( a.cacheTtl ),
						timeout: given( a.timeout ),
						'reading-time-label': given( a.readingTimeLabel ),
			} );
			if ( a.show === '' ) {
				attributes.show = ''; // Titles only.
			}
			return el(
				'related-stories',
				useBlockProps.save( attributes ),
				filled( a.heading ) ? el( RichText.Content, { tagName: headingTag( a.headingLevel ), slot: 'heading', value: a.heading } ) : null,
				stories.length
					? el(
							'ul',
							null,
							stories.map( function ( story ) {
								return el(
									'li',
									null,
									el( RichText.Content, { tagName: 'a', href: given( story.url ), value: story.title || '' } ),
									filled( story.excerpt ) ? el( RichText.Content, { tagName: 'p', value: story.excerpt } ) : null
								);
							} )
					  )
					: null
			);
		},
	} );
} )( window.wp );

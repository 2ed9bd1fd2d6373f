<?php
/**
 * Shortcodes for the classic editor: [content_notice], [journal_prompts], [book_call_cta] and
 * [related_stories]. Each writes its element with the element's light DOM, like the blocks do.
 *
 * Attributes: every attribute the element documents, by its own name (`reveal-label`, or `reveal_label`),
 * checked against allowed-html.json (a boolean is present or absent, a listed value must be one of the
 * list, a number must be a number, a URL is cleaned by esc_url), plus a few that build the light DOM:
 * `heading`, `heading_level`, `invitation`, `link_text` and (for the call to action) `href`. Everything
 * is escaped on output; the enclosed text goes through wp_kses_post().
 *
 * @package GentleWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the four shortcodes.
 */
function gentle_widgets_register_shortcodes() {
	add_shortcode( 'content_notice', 'gentle_widgets_shortcode_content_notice' );
	add_shortcode( 'journal_prompts', 'gentle_widgets_shortcode_journal_prompts' );
	add_shortcode( 'book_call_cta', 'gentle_widgets_shortcode_book_call_cta' );
	add_shortcode( 'related_stories', 'gentle_widgets_shortcode_related_stories' );
}
add_action( 'init', 'gentle_widgets_register_shortcodes' );

/**
 * Shortcode attributes with lower-case, dashed names; a bare word (`[content_notice gate]`) becomes
 * that name set to itself.
 *
 * @param mixed $atts What WordPress parsed.
 * @return array<string, string>
 */
function gentle_widgets_normalise_atts( $atts ) {
	$out = array();
	if ( ! is_array( $atts ) ) {
		return $out;
	}
	foreach ( $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			$name  = (string) $value;
			$value = $name;
		}
		$name = str_replace( '_', '-', strtolower( trim( (string) $name ) ) );
		if ( '' !== $name ) {
			$out[ $name ] = (string) $value;
		}
	}
	return $out;
}

/**
 * Removes the light-DOM attributes (`heading`, …) from a shortcode's attributes and returns them.
 *
 * @param array    $atts  The attributes; the named ones are removed.
 * @param string[] $names The names to take.
 * @return array<string, string>
 */
function gentle_widgets_take_atts( array &$atts, array $names ) {
	$taken = array();
	foreach ( $names as $name ) {
		if ( isset( $atts[ $name ] ) ) {
			$taken[ $name ] = trim( $atts[ $name ] );
			unset( $atts[ $name ] );
		}
	}
	return $taken;
}

/**
 * The element's attributes as HTML, keeping only what the allowlist names for the tag.
 *
 * @param string $tag  The element's tag.
 * @param array  $atts Normalised shortcode attributes.
 * @return string ` name="value"` pairs, escaped.
 */
function gentle_widgets_attribute_html( $tag, array $atts ) {
	$allowed = gentle_widgets_element_attributes( $tag );
	$uris    = wp_kses_uri_attributes();
	$html    = '';
	foreach ( $atts as $name => $value ) {
		if ( 0 === strpos( $name, 'on' ) ) {
			continue;
		}
		if ( isset( $allowed[ $name ] ) ) {
			$spec = $allowed[ $name ];
		} elseif ( ! empty( $allowed['data-*'] ) && preg_match( '/^data(?:-[a-z0-9_]+)+$/', $name ) ) {
			$spec = array();
		} else {
			continue;
		}
		if ( ! empty( $spec['boolean'] ) || 'hidden' === $name ) {
			if ( ! in_array( strtolower( $value ), array( '0', 'false', 'no', 'off' ), true ) ) {
				$html .= ' ' . $name;
			}
			continue;
		}
		$value = trim( $value );
		if ( '' === $value ) {
			continue;
		}
		if ( ! empty( $spec['values'] ) && ! in_array( $value, $spec['values'], true ) ) {
			continue;
		}
		if ( ! empty( $spec['number'] ) && ! is_numeric( $value ) ) {
			continue;
		}
		if ( in_array( $name, $uris, true ) ) {
			$value = esc_url( $value, array( 'https', 'http' ) );
			if ( '' === $value ) {
				continue;
			}
		}
		$html .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
	}
	return $html;
}

/**
 * The enclosed content as well-formed HTML: the paragraph seams that wpautop() left at its ends
 * removed, nested shortcodes run, kses applied.
 *
 * @param string $content The enclosed content.
 * @return string
 */
function gentle_widgets_shortcode_body( $content ) {
	$content = preg_replace( '#^(?:\s|</p>|<br\s*/?>)+#i', '', (string) $content );
	$content = trim( preg_replace( '#(?:\s|<p>|<br\s*/?>)+$#i', '', $content ) );
	if ( '' === $content ) {
		return '';
	}
	$content = do_shortcode( $content );
	$block   = '(?:p|div|ul|ol|h[1-6]|blockquote|figure|table|section|aside|article|pre|dl|details)';
	if ( ! preg_match( '#<' . $block . '[\s>]#i', $content ) ) {
		$content = wpautop( $content );
	} else {
		if ( ! preg_match( '#^<' . $block . '[\s>]#i', $content ) ) {
			$content = '<p>' . $content;
		}
		if ( ! preg_match( '#</' . $block . '>$#i', $content ) ) {
			$content .= '</p>';
		}
	}
	return trim( wp_kses_post( force_balance_tags( $content ) ) );
}

/**
 * A heading line: `<p>` for level 0, else `<h2>`…`<h6>`.
 *
 * @param string $text       Plain text.
 * @param mixed  $level      The heading level.
 * @param string $attributes Attributes, already escaped.
 * @return string
 */
function gentle_widgets_heading_html( $text, $level, $attributes ) {
	$level = (int) $level;
	$name  = $level >= 2 && $level <= 6 ? 'h' . $level : 'p';
	return sprintf( '<%1$s%2$s>%3$s</%1$s>', $name, $attributes, esc_html( $text ) );
}

/**
 * The element's HTML, marked so that gentle_widgets_unwrap_shortcodes() can take it out of the
 * paragraph wpautop() put the shortcode in.
 *
 * @param string $tag        The element's tag.
 * @param string $attributes Attributes, already escaped.
 * @param string $inner      Light DOM, already escaped.
 * @return string
 */
function gentle_widgets_element_html( $tag, $attributes, $inner ) {
	gentle_widgets_enqueue();
	return '<!--gentle-widgets--><' . $tag . $attributes . ">\n" . $inner . "\n</" . $tag . '><!--/gentle-widgets-->';
}

/**
 * Takes our elements out of the paragraphs wpautop() wrapped around the shortcodes: a `<p>` around an
 * element would end before the element's first block child, leaving the element empty.
 *
 * @param string $content Post content after shortcodes ran.
 * @return string
 */
function gentle_widgets_unwrap_shortcodes( $content ) {
	$open  = '<!--gentle-widgets-->';
	$close = '<!--/gentle-widgets-->';
	if ( ! is_string( $content ) || false === strpos( $content, $open ) ) {
		return $content;
	}
	// The usual case: the shortcode alone in its paragraph.
	$content = preg_replace( '#<p>\s*' . preg_quote( $open, '#' ) . '#', $open, $content );
	$content = preg_replace( '#' . preg_quote( $close, '#' ) . '(?:\s*<br\s*/?>)*\s*</p>#i', $close, $content );
	// Text before or after it in the same paragraph: close that paragraph before, open one after.
	$offset = 0;
	while ( false !== ( $at = strpos( $content, $open, $offset ) ) ) {
		$before     = substr( $content, 0, $at );
		$last_open  = preg_match_all( '#<p[\s>]#i', $before, $opens, PREG_OFFSET_CAPTURE ) ? end( $opens[0] )[1] : -1;
		$last_close = strripos( $before, '</p>' );
		$inside     = $last_open >= 0 && ( false === $last_close || $last_open > $last_close );
		$content    = substr_replace( $content, $inside ? "</p>\n" : '', $at, strlen( $open ) );
		$end        = strpos( $content, $close, $at );
		if ( false === $end ) {
			break;
		}
		$after      = substr( $content, $end + strlen( $close ) );
		$next_close = stripos( $after, '</p>' );
		$next_open  = preg_match( '#<p[\s>]#i', $after, $match, PREG_OFFSET_CAPTURE ) ? $match[0][1] : false;
		$still_open = false !== $next_close && ( false === $next_open || $next_close < $next_open );
		$after      = $still_open ? "\n<p>" . preg_replace( '#^\s*(?:<br\s*/?>\s*)*#i', '', $after ) : $after;
		$content    = substr( $content, 0, $end ) . $after;
		$offset     = $end;
	}
	return $content;
}
add_filter( 'the_content', 'gentle_widgets_unwrap_shortcodes', 12 );
add_filter( 'widget_text_content', 'gentle_widgets_unwrap_shortcodes', 12 );

/**
 * Takes `[resources]…[/resources]` out of a notice's text: the support links become the `resources`
 * slot (the list they are in, or a paragraph). Only inside [content_notice]; no shortcode of that name
 * is registered.
 *
 * @param string $content The notice's enclosed content.
 * @return string[] The content without them, and the slot's HTML ('' when there are none).
 */
function gentle_widgets_notice_resources( $content ) {
	$content = (string) $content;
	if ( ! preg_match( '#\[resources\](.*?)\[/resources\]#is', $content, $found ) ) {
		return array( $content, '' );
	}
	$content = str_replace( $found[0], '', $content );
	$links   = preg_replace( '#^(?:\s|</?p>|<br\s*/?>)+|(?:\s|</?p>|<br\s*/?>)+$#i', '', $found[1] );
	if ( '' === $links ) {
		return array( $content, '' );
	}
	$links = force_balance_tags( wp_kses_post( $links ) );
	if ( preg_match( '#^<(ul|ol)(?=[\s>])#i', $links ) && preg_match( '#</(?:ul|ol)>$#i', $links ) && 1 === preg_match_all( '#<(?:ul|ol)[\s>]#i', $links ) ) {
		return array( $content, preg_replace( '#^<(ul|ol)#i', '<$1 slot="resources"', $links ) );
	}
	if ( preg_match( '#<(?:p|ul|ol|div)[\s>]#i', $links ) ) {
		return array( $content, '<div slot="resources">' . $links . '</div>' );
	}
	return array( $content, '<p slot="resources">' . $links . '</p>' );
}

/**
 * [content_notice variant="warning" gate heading="…" heading_level="0"]…[/content_notice]
 *
 * The enclosed text is the notice's body. Support links go last, between [resources] and [/resources].
 *
 * @param mixed  $atts    Attributes.
 * @param string $content Enclosed content.
 * @return string
 */
function gentle_widgets_shortcode_content_notice( $atts, $content = '' ) {
	$atts  = gentle_widgets_normalise_atts( $atts );
	$extra = gentle_widgets_take_atts( $atts, array( 'heading', 'heading-level' ) );
	$inner = '';
	if ( ! empty( $extra['heading'] ) ) {
		$inner .= gentle_widgets_heading_html( $extra['heading'], isset( $extra['heading-level'] ) ? $extra['heading-level'] : 0, ' slot="heading"' ) . "\n";
	}
	list( $content, $resources ) = gentle_widgets_notice_resources( $content );
	$inner                      .= gentle_widgets_shortcode_body( $content );
	if ( '' !== $resources ) {
		$inner .= "\n" . $resources;
	}
	return gentle_widgets_element_html( 'content-notice', gentle_widgets_attribute_html( 'content-notice', $atts ), $inner );
}

/**
 * [journal_prompts heading="…" invitation="…" layout="steps"]one prompt per line, or a list[/journal_prompts]
 *
 * @param mixed  $atts    Attributes.
 * @param string $content Enclosed content.
 * @return string
 */
function gentle_widgets_shortcode_journal_prompts( $atts, $content = '' ) {
	$atts  = gentle_widgets_normalise_atts( $atts );
	$extra = gentle_widgets_take_atts( $atts, array( 'heading', 'heading-level', 'invitation' ) );
	$inner = '';
	if ( ! empty( $extra['heading'] ) ) {
		$inner .= gentle_widgets_heading_html( $extra['heading'], isset( $extra['heading-level'] ) ? $extra['heading-level'] : 2, ' slot="heading"' ) . "\n";
	}
	$body = gentle_widgets_shortcode_body( $content );
	if ( '' !== $body && ! preg_match( '#<(?:ol|ul)[\s>]|\sslot=#i', $body ) ) {
		// One prompt per paragraph or line.
		$lines = preg_split( '#\s*(?:</p>|<br\s*/?>|\n)\s*#i', preg_replace( '#<p(?:\s[^>]*)?>#i', "\n", $body ) );
		$items = array();
		foreach ( $lines as $line ) {
			$line = trim( $line );
			if ( '' !== trim( wp_strip_all_tags( $line ) ) ) {
				$items[] = '<li>' . wp_kses_post( force_balance_tags( $line ) ) . '</li>';
			}
		}
		$body = $items ? "<ol>\n" . implode( "\n", $items ) . "\n</ol>" : '';
	}
	$inner .= $body;
	if ( ! empty( $extra['invitation'] ) ) {
		$inner .= "\n" . '<p slot="invitation">' . esc_html( $extra['invitation'] ) . '</p>';
	}
	return gentle_widgets_element_html( 'journal-prompts', gentle_widgets_attribute_html( 'journal-prompts', $atts ), $inner );
}

/**
 * [book_call_cta heading="…" href="https://…" link_text="…" mode="popup"]a few words[/book_call_cta]
 *
 * `label` is another name for `link_text`.
 *
 * `href` becomes the booking link, the last link in the element; without it, the default booking page
 * from Settings → Gentle Widgets, unless the enclosed text has a link of its own.
 *
 * @param mixed  $atts    Attributes.
 * @param string $content Enclosed content.
 * @return string
 */
function gentle_widgets_shortcode_book_call_cta( $atts, $content = '' ) {
	$atts  = gentle_widgets_normalise_atts( $atts );
	$extra = gentle_widgets_take_atts( $atts, array( 'heading', 'heading-level', 'href', 'link-text', 'label' ) );
	if ( empty( $extra['link-text'] ) && ! empty( $extra['label'] ) ) {
		$extra['link-text'] = $extra['label'];
	}
	$inner = '';
	if ( ! empty( $extra['heading'] ) ) {
		$inner .= gentle_widgets_heading_html( $extra['heading'], isset( $extra['heading-level'] ) ? $extra['heading-level'] : 2, ' data-gentle-widgets="heading"' ) . "\n";
	}
	$body   = gentle_widgets_shortcode_body( $content );
	$inner .= $body;
	$href   = isset( $extra['href'] ) ? $extra['href'] : '';
	if ( '' === $href && ! preg_match( '#<a\s[^>]*href=#i', $body ) ) {
		$href = gentle_widgets_settings()['booking_url'];
	}
	if ( '' !== $href ) {
		$text   = ! empty( $extra['link-text'] ) ? $extra['link-text'] : __( 'Book a free discovery call', 'gentle-widgets' );
		$link   = gentle_widgets_is_booking_url( $href )
			? sprintf( '<a href="%1$s">%2$s</a>', esc_url( $href, array( 'https', 'http' ) ), esc_html( $text ) )
			: esc_html( $text );
		$inner .= "\n" . '<p data-gentle-widgets="booking">' . $link . '</p>';
	}
	return gentle_widgets_element_html( 'book-call-cta', gentle_widgets_attribute_html( 'book-call-cta', $atts ), $inner );
}

/**
 * One story as the element reads it: `<li><a href>Title</a><p>excerpt</p></li>`. The first link is the
 * title; what follows it (after a dash or colon) is the excerpt.
 *
 * @param string $html The story's HTML, already through kses.
 * @return string
 */
function gentle_widgets_story_html( $html ) {
	$html = trim( preg_replace( '#</?p(?:\s[^>]*)?>#i', ' ', $html ) );
	if ( ! preg_match( '#<a\s[^>]*>.*?</a>#is', $html, $link, PREG_OFFSET_CAPTURE ) ) {
		return '' === trim( wp_strip_all_tags( $html ) ) ? '' : '<li>' . $html . '</li>';
	}
	$rest    = substr( $html, 0, $link[0][1] ) . ' ' . substr( $html, $link[0][1] + strlen( $link[0][0] ) );
	$rest    = trim( preg_replace( '#^(?:\s|<br\s*/?>|[-–—:|·])+#u', '', trim( $rest ) ) );
	$excerpt = '' !== trim( wp_strip_all_tags( $rest ) ) ? '<p>' . force_balance_tags( $rest ) . '</p>' : '';
	return '<li>' . $link[0][0] . $excerpt . '</li>';
}

/**
 * [related_stories heading="…" src="site" limit="3"]a list of links, each with a few words[/related_stories]
 *
 * `src="site"` loads this site's latest posts.
 *
 * @param mixed  $atts    Attributes.
 * @param string $content Enclosed content.
 * @return string
 */
function gentle_widgets_shortcode_related_stories( $atts, $content = '' ) {
	$atts  = gentle_widgets_normalise_atts( $atts );
	$extra = gentle_widgets_take_atts( $atts, array( 'heading', 'heading-level' ) );
	if ( isset( $atts['src'] ) && 'site' === strtolower( trim( $atts['src'] ) ) ) {
		$atts['src'] = gentle_widgets_site_posts_feed();
	}
	$inner = '';
	if ( ! empty( $extra['heading'] ) ) {
		$inner .= gentle_widgets_heading_html( $extra['heading'], isset( $extra['heading-level'] ) ? $extra['heading-level'] : 2, ' slot="heading"' ) . "\n";
	}
	$body = gentle_widgets_shortcode_body( $content );
	if ( '' !== $body && ! preg_match( '#<article[\s>]#i', $body ) ) {
		if ( preg_match_all( '#<li(?:\s[^>]*)?>(.*?)</li>#is', $body, $found ) ) {
			$pieces = $found[1];
		} else {
			$pieces = preg_split( '#\s*(?:</p>|<br\s*/?>)\s*#i', $body );
		}
		$items = array_filter( array_map( 'gentle_widgets_story_html', $pieces ) );
		$body  = $items ? "<ul>\n" . implode( "\n", $items ) . "\n</ul>" : '';
	}
	$inner .= $body;
	return gentle_widgets_element_html( 'related-stories', gentle_widgets_attribute_html( 'related-stories', $atts ), $inner );
}

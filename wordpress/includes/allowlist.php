<?php
/**
 * What post content may carry: the four tags with the attributes their documentation names, and `slot`
 * on the tags that may be an element's slotted child. Read from allowed-html.json, which the build
 * generates from the library's custom-elements.json.
 *
 * @package GentleWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The allowlist: `elements` (tag => attributes, slots) and `slotted` (tags that may carry `slot`).
 *
 * @return array{elements: array<string, array{attributes: array<string, array>, slots: string[]}>, slotted: string[]}
 */
function gentle_widgets_allowlist() {
	static $allowlist = null;
	if ( null !== $allowlist ) {
		return $allowlist;
	}
	$allowlist = array(
		'elements' => array(),
		'slotted'  => array(),
	);
	$file      = GENTLE_WIDGETS_DIR . 'allowed-html.json';
	if ( is_readable( $file ) ) {
		$data = json_decode( (string) file_get_contents( $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		if ( is_array( $data ) && isset( $data['elements'], $data['slotted'] ) && is_array( $data['elements'] ) && is_array( $data['slotted'] ) ) {
			$allowlist = $data;
		}
	}
	return $allowlist;
}

/**
 * The attributes one element accepts, by name, each with what the manifest says of its value
 * (`boolean`, `number`, `values`).
 *
 * @param string $tag The element's tag.
 * @return array<string, array>
 */
function gentle_widgets_element_attributes( $tag ) {
	$allowlist = gentle_widgets_allowlist();
	return isset( $allowlist['elements'][ $tag ]['attributes'] ) ? $allowlist['elements'][ $tag ]['attributes'] : array();
}

/**
 * Adds the four tags and `slot` to what kses keeps in post content, for every role. kses still removes
 * `on*` attributes (none is listed) and unsafe protocols in `href`/`src` (and `exit-href`, below).
 *
 * @param array  $tags    Allowed tags and their attributes.
 * @param string $context The kses context.
 * @return array
 */
function gentle_widgets_kses_allowed_html( $tags, $context ) {
	if ( 'post' !== $context || ! is_array( $tags ) ) {
		return $tags;
	}
	$allowlist = gentle_widgets_allowlist();
	foreach ( $allowlist['elements'] as $tag => $element ) {
		$attributes = array();
		foreach ( array_keys( $element['attributes'] ) as $name ) {
			if ( 0 === strpos( strtolower( $name ), 'on' ) ) {
				continue; // Never an event handler, whatever a manifest says.
			}
			$attributes[ strtolower( $name ) ] = true;
		}
		$tags[ $tag ] = isset( $tags[ $tag ] ) && is_array( $tags[ $tag ] ) ? array_merge( $tags[ $tag ], $attributes ) : $attributes;
	}
	foreach ( $allowlist['slotted'] as $child ) {
		if ( isset( $tags[ $child ] ) && is_array( $tags[ $child ] ) ) {
			$tags[ $child ]['slot'] = true; // Only on tags the site already allows.
		}
	}
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'gentle_widgets_kses_allowed_html', 10, 2 );

/**
 * The elements' URL attributes that core does not already list as URLs (`href` and `src` it does):
 * kses, for authors and contributors, then strips `javascript:` and other unsafe protocols from them as
 * it does from `href`, and the shortcodes pass them through esc_url(). Without this, WordPress 6.1 keeps
 * `exit-href="javascript:…"` as written (measured); the element would ignore it, but the stored post
 * should not carry it.
 *
 * @param string[] $attributes Attribute names whose values are URLs.
 * @return string[]
 */
function gentle_widgets_kses_uri_attributes( $attributes ) {
	if ( ! is_array( $attributes ) ) {
		return $attributes;
	}
	foreach ( array( 'exit-href' ) as $name ) {
		if ( ! in_array( $name, $attributes, true ) ) {
			$attributes[] = $name;
		}
	}
	return $attributes;
}
add_filter( 'wp_kses_uri_attributes', 'gentle_widgets_kses_uri_attributes' );

/**
 * Tells an administrator when the plugin was installed without its generated allowlist (a copy of the
 * sources rather than the built zip): the tags would then be stripped from authors' posts.
 */
function gentle_widgets_allowlist_notice() {
	if ( ! current_user_can( 'activate_plugins' ) || gentle_widgets_allowlist()['elements'] ) {
		return;
	}
	echo '<div class="notice notice-error"><p>' . esc_html__( 'Gentle Widgets is missing its allowed-html.json file. Install the plugin from the built gentle-widgets.zip.', 'gentle-widgets' ) . '</p></div>';
}
add_action( 'admin_notices', 'gentle_widgets_allowlist_notice' );

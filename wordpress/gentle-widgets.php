<?php
/**
 * Plugin Name:       Gentle Widgets
 * Plugin URI:        https://github.com/gentle-widgets/gentle-widgets
 * Description:       Content notices, journaling prompts, a booking call-to-action and related stories for wellbeing articles, as blocks and shortcodes. Everything loads from your own site.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            gentle-widgets contributors
 * License:           MIT
 * Text Domain:       gentle-widgets
 *
 * @package GentleWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'GENTLE_WIDGETS_VERSION', '0.1.0' );
define( 'GENTLE_WIDGETS_FILE', __FILE__ );
define( 'GENTLE_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

require_once GENTLE_WIDGETS_DIR . 'includes/allowlist.php';
require_once GENTLE_WIDGETS_DIR . 'includes/settings.php';
require_once GENTLE_WIDGETS_DIR . 'includes/assets.php';
require_once GENTLE_WIDGETS_DIR . 'includes/blocks.php';
require_once GENTLE_WIDGETS_DIR . 'includes/shortcodes.php';

/**
 * The four elements, by tag, with their block and shortcode names.
 *
 * @return array<string, array{block: string, shortcode: string}>
 */
function gentle_widgets_elements() {
	return array(
		'content-notice'  => array(
			'block'     => 'gentle-widgets/content-notice',
			'shortcode' => 'content_notice',
		),
		'journal-prompts' => array(
			'block'     => 'gentle-widgets/journal-prompts',
			'shortcode' => 'journal_prompts',
		),
		'book-call-cta'   => array(
			'block'     => 'gentle-widgets/book-call-cta',
			'shortcode' => 'book_call_cta',
		),
		'related-stories' => array(
			'block'     => 'gentle-widgets/related-stories',
			'shortcode' => 'related_stories',
		),
	);
}

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'gentle-widgets', false, dirname( plugin_basename( GENTLE_WIDGETS_FILE ) ) . '/languages' );
	},
	5
);

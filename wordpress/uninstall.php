<?php
/**
 * Deletes what the plugin added to the database when it is deleted from Plugins: its one option, on
 * every site of a network. Posts keep their blocks' HTML, which reads as plain text and links.
 *
 * @package GentleWidgets
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $gentle_widgets_site ) {
		switch_to_blog( $gentle_widgets_site );
		delete_option( 'gentle_widgets_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'gentle_widgets_settings' );
}

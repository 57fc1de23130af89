/**
 * Attachments (附件): photos and PDF reports uploaded for warning handling, stored by content hash in the
 * data directory and served only inside the uploader's data scope.
 */
package io.vigil.attachment;

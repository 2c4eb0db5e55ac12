/**
 * Reading and writing problem files. Every reader decodes strictly (UTF-8, one JSON object per
 * line) and returns a {@link org.laimark.data.io.ReadResult}: the records it could read, and one
 * {@link org.laimark.data.io.LineError} per line it could not, naming FILE:LINE and what was
 * expected — a bad line never hides the good ones. {@link org.laimark.data.io.JsonlAppender} writes
 * lines so that a crash at any moment leaves only whole lines behind. {@link
 * org.laimark.data.io.Datasets} opens the three datasets the project ships on its classpath.
 */
package org.laimark.data.io;

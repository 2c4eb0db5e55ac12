/** Pekko typed actors: the supervised sandbox pool and the pipeline stages. */
package org.laimark.actors;

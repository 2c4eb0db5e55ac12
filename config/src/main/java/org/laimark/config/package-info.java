/**
 * Typed settings over HOCON (Typesafe Config). Every default lives in this module's {@code reference.conf};
 * each settings record validates itself and names the offending key when a value is wrong.
 */
package org.laimark.config;

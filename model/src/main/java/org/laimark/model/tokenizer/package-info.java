/**
 * Text in and out of the model: the Hugging Face tokenizer ({@code tokenizer.json} through DJL's
 * bindings to the Rust library, truncation off), special tokens, chat templates rendered by Jinjava
 * with the Python string methods and Jinja syntax Hugging Face templates rely on, and Qwen3's
 * thinking blocks.
 */
package org.laimark.model.tokenizer;

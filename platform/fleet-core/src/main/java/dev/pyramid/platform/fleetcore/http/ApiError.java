package dev.pyramid.platform.fleetcore.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer: {@code {"error": code, "message": sentence, "field": name?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {

  public static ApiError of(String error, String message) {
    return new ApiError(error, message, null);
  }
}

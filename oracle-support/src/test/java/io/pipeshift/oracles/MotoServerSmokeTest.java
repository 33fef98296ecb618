package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** moto_server starts on 127.0.0.1, answers an AWS JSON API call, and is gone after close(). */
class MotoServerSmokeTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void motoAnswersStepFunctionsApiCall() throws Exception {
    MotoServer moto;
    try (MotoServer server = MotoServer.start()) {
      moto = server;
      assertEquals("127.0.0.1", server.endpoint().getHost());
      // A raw Step Functions ListStateMachines call. moto does not check signatures, but it reads the
      // service and region from the Authorization header's credential scope.
      HttpResponse<String> r = HTTP.send(
          HttpRequest.newBuilder(server.endpoint())
              .timeout(Duration.ofSeconds(30))
              .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
              .header("Content-Type", "application/x-amz-json-1.0")
              .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/states/"
                  + "aws4_request, SignedHeaders=host, Signature=0")
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r::body);
      assertTrue(r.body().contains("\"stateMachines\""), r.body());
    }
    // closed: the port no longer answers
    HttpRequest ping = HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/"))
        .timeout(Duration.ofSeconds(5)).build();
    boolean refused;
    try {
      HTTP.send(ping, HttpResponse.BodyHandlers.discarding());
      refused = false;
    } catch (ConnectException e) {
      refused = true;
    }
    assertTrue(refused, "moto_server still answers after close()");
    assertFalse(moto.endpoint().toString().isEmpty());
  }
}

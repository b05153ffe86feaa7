package org.rapport.lti.protocol.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The bytes of a {@link HttpRequest}'s body publisher (Rapport's bodies are small, in memory). */
final class RequestBody {
  private RequestBody() {}

  static byte[] bytes(HttpRequest request) throws IOException {
    if (request.bodyPublisher().isEmpty()) {
      return new byte[0];
    }
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    request
        .bodyPublisher()
        .get()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
              }

              @Override
              public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
              }

              @Override
              public void onComplete() {
                done.complete(bytes.toByteArray());
              }
            });
    try {
      return done.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while preparing the request body", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Could not prepare the request body", e);
    }
  }
}

package com.example.orders;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The orders service: {@code POST /v1/orders} prices an order, charges it with the payment
 * provider and stores it; {@code GET /v1/orders/{id}} reads it back.
 */
public final class OrdersService implements AutoCloseable {
  private final Javalin app;

  private OrdersService(Javalin app) {
    this.app = app;
  }

  /** Starts the service on 127.0.0.1 and {@code port} (0: a free one). */
  public static OrdersService start(int port, DataSource database, URI paymentsUrl)
      throws java.sql.SQLException {
    OrderRepository orders = new OrderRepository(database);
    orders.migrate();
    PaymentsClient payments = new PaymentsClient(paymentsUrl);
    Javalin app = Javalin.create();
    app.get("/health", ctx -> ctx.result("ok"));
    app.post("/v1/orders", ctx -> place(ctx, orders, payments));
    app.get(
        "/v1/orders/{id}",
        ctx ->
            orders
                .find(Long.parseLong(ctx.pathParam("id")))
                .ifPresentOrElse(
                    ctx::json, () -> ctx.status(404).json(Map.of("error", "no such order"))));
    app.start("127.0.0.1", port);
    return new OrdersService(app);
  }

  private static void place(Context ctx, OrderRepository orders, PaymentsClient payments)
      throws Exception {
    OrderRequest request = ctx.bodyAsClass(OrderRequest.class);
    if (request.customerId() == null || request.sku() == null || request.quantity() < 1) {
      ctx.status(400).json(Map.of("error", "customerId, sku and a quantity of at least 1"));
      return;
    }
    long total = OrderPricing.totalCents(request.unitPriceCents(), request.quantity());
    PaymentsClient.Charge charge =
        payments.charge(request.customerId(), total, "order-" + UUID.randomUUID());
    if (!charge.accepted()) {
      ctx.status(402).json(Map.of("error", "payment declined: " + charge.declineReason()));
      return;
    }
    Order order =
        orders.insert(request.customerId(), request.sku(), request.quantity(), total, charge.id());
    ctx.status(201).json(order);
  }

  /** What a client sends to place an order. */
  public record OrderRequest(String customerId, String sku, int quantity, long unitPriceCents) {}

  /** The port the service listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  /**
   * {@code java -cp ... com.example.orders.OrdersService PORT JDBC_URL USER PASSWORD PAYMENTS_URL}
   */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(args[1]);
    database.setUser(args[2]);
    database.setPassword(args[3]);
    start(Integer.parseInt(args[0]), database, URI.create(args[4]));
  }
}

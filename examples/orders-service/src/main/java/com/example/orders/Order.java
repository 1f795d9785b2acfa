package com.example.orders;

/**
 * An order as the service stores and serves it.
 *
 * @param id the order's id
 * @param customerId who ordered
 * @param sku what
 * @param quantity how many
 * @param totalCents what was charged, VAT included
 * @param paymentId the payment provider's id for the charge
 */
public record Order(
    long id, String customerId, String sku, int quantity, long totalCents, String paymentId) {}

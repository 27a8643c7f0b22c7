package io.statedesk.web.api;

/**
 * The body of {@code POST /api/catalog/reserved-ranges}: codes {@code first} to {@code last} (both
 * in) can no longer be created, for {@code reason}. All three are required, checked by the
 * resource: both ends first, as one sentence ("first and last are required"), then the reason.
 *
 * @param first the lowest code of the range
 * @param last the highest code of the range
 * @param reason why, for the admins who find it
 */
public record ReservationBody(Integer first, Integer last, String reason) {}

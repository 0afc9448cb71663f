package im.universal.message.boundary;

import im.universal.push.entity.MessagePush;
import java.util.List;

/**
 * The outcome of storing a batch of messages in one transaction: one result per request, in order, and the
 * pushes for local recipients, to be dispatched once the transaction has committed and the acks are queued.
 */
public record SendBatch(List<SendResult> results, List<MessagePush> pushes) {}

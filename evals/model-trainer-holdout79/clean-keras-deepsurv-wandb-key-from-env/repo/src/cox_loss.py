import tensorflow as tf


def neg_partial_likelihood(y_true, log_risk):
    """Breslow negative partial log-likelihood; y_true[:, 0] = time, y_true[:, 1] = event."""
    time, event = y_true[:, 0], y_true[:, 1]
    log_risk = tf.reshape(log_risk, [-1])
    order = tf.argsort(time, direction="DESCENDING")
    log_risk = tf.gather(log_risk, order)
    event = tf.gather(event, order)
    log_cum = tf.math.cumulative_logsumexp(log_risk)
    return -tf.reduce_sum((log_risk - log_cum) * event) / tf.maximum(tf.reduce_sum(event), 1.0)

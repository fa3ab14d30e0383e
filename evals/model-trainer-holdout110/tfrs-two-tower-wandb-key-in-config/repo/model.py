import tensorflow as tf
import tensorflow_recommenders as tfrs


def id_tower(vocab, dim):
    return tf.keras.Sequential([
        tf.keras.layers.StringLookup(vocabulary=vocab, mask_token=None),
        tf.keras.layers.Embedding(len(vocab) + 1, dim),
    ])


class TwoTowerModel(tfrs.Model):
    def __init__(self, user_vocab, video_vocab, candidates, dim=64):
        super().__init__()
        self.user_model = id_tower(user_vocab, dim)
        self.video_model = id_tower(video_vocab, dim)
        self.task = tfrs.tasks.Retrieval(
            metrics=tfrs.metrics.FactorizedTopK(
                candidates=candidates.batch(1024).map(self.video_model)
            )
        )

    def compute_loss(self, features, training=False):
        user_emb = self.user_model(features["user_id"])
        video_emb = self.video_model(features["video_id"])
        return self.task(user_emb, video_emb, compute_metrics=not training)

"""Train the user/video two-tower retrieval model (TensorFlow Recommenders)."""
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
import wandb
import yaml
from wandb.integration.keras import WandbMetricsLogger

from model import TwoTowerModel


def to_dataset(frame):
    return tf.data.Dataset.from_tensor_slices({
        "user_id": frame["user_id"].astype(str).to_numpy(),
        "video_id": frame["video_id"].astype(str).to_numpy(),
    })


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    tf.keras.utils.set_random_seed(cfg["seed"])
    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

    events = pd.read_parquet(cfg["data"]["interactions"], columns=["user_id", "video_id", "watched_at"])
    events["watched_at"] = pd.to_datetime(events["watched_at"])
    train_df = events[events["watched_at"] < cfg["data"]["test_start"]]
    test_df = events[events["watched_at"] >= cfg["data"]["test_start"]]
    print(f"train {len(train_df):,} / test {len(test_df):,} watch events")

    user_vocab = np.unique(train_df["user_id"].astype(str))
    video_vocab = np.unique(train_df["video_id"].astype(str))
    candidates = tf.data.Dataset.from_tensor_slices(video_vocab)

    bs = cfg["train"]["batch_size"]
    train_ds = (
        to_dataset(train_df)
        .cache()
        .shuffle(1_000_000, seed=cfg["seed"], reshuffle_each_iteration=True)
        .batch(bs)
        .prefetch(tf.data.AUTOTUNE)
    )
    test_ds = to_dataset(test_df).batch(bs).cache()

    model = TwoTowerModel(user_vocab, video_vocab, candidates, dim=cfg["model"]["embedding_dim"])
    model.compile(optimizer=tf.keras.optimizers.Adagrad(learning_rate=cfg["train"]["learning_rate"]))
    model.fit(train_ds, epochs=cfg["train"]["epochs"], callbacks=[WandbMetricsLogger()])

    metrics = model.evaluate(test_ds, return_dict=True)
    for name, value in metrics.items():
        print(f"test {name}: {value:.4f}")
    run.log({f"test/{k}": v for k, v in metrics.items()})

    model.save_weights(cfg["train"]["checkpoint"])
    run.finish()


if __name__ == "__main__":
    main()

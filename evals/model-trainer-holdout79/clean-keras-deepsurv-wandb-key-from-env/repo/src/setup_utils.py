import json
import os

import tensorflow as tf


def load_config(path="config.json"):
    with open(path) as fh:
        return json.load(fh)


def make_reproducible(seed: int):
    os.environ["TF_DETERMINISTIC_OPS"] = "1"
    tf.keras.utils.set_random_seed(seed)


def wandb_api_key() -> str:
    key = os.environ.get("WANDB_API_KEY")
    if not key:
        raise RuntimeError("WANDB_API_KEY is not set; export it or run `wandb login` first")
    return key

import librosa
import numpy as np
import pandas as pd
from datasets import Dataset

EMOTIONS = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]


def split_by_actor(csv_path, val_actors, test_actors):
    """metadata.csv: path, actor_id, sentence, emotion, intensity (one row per CREMA-D clip)."""
    df = pd.read_csv(csv_path)
    df["label"] = df.emotion.map(EMOTIONS.index)
    test = df[df.actor_id.isin(test_actors)]
    val = df[df.actor_id.isin(val_actors)]
    train = df[~df.actor_id.isin(list(val_actors) + list(test_actors))]
    assert not set(train.actor_id) & set(test.actor_id)
    return {k: Dataset.from_pandas(v[["path", "label"]], preserve_index=False)
            for k, v in {"train": train, "validation": val, "test": test}.items()}


def prepare_fn(feature_extractor, max_duration_s):
    sr = feature_extractor.sampling_rate
    max_len = int(sr * max_duration_s)

    def _fn(batch):
        audio = [librosa.load(p, sr=sr)[0][:max_len] for p in batch["path"]]
        out = feature_extractor(audio, sampling_rate=sr, padding="max_length", max_length=max_len,
                                truncation=True, return_attention_mask=True)
        out["input_values"] = [np.asarray(x, dtype=np.float32) for x in out["input_values"]]
        return out

    return _fn

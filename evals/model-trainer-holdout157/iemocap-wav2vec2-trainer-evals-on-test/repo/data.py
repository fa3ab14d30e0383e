"""IEMOCAP 4-class (neu / hap+exc / ang / sad) loading, leave-one-session-out."""
import pandas as pd
from datasets import Audio, Dataset, DatasetDict

LABEL2ID = {"neu": 0, "hap": 1, "ang": 2, "sad": 3}
ID2LABEL = {v: k for k, v in LABEL2ID.items()}


def load_iemocap(csv_path, test_session, sampling_rate=16000):
    # csv columns: path, session, speaker (e.g. Ses05F), utterance_id, emotion
    df = pd.read_csv(csv_path)
    df["emotion"] = df.emotion.replace({"exc": "hap"})
    df = df[df.emotion.isin(LABEL2ID)].reset_index(drop=True)
    df["label"] = df.emotion.map(LABEL2ID)

    train_df = df[df.session != test_session]
    test_df = df[df.session == test_session]
    print(train_df.emotion.value_counts().to_dict(), test_df.emotion.value_counts().to_dict())

    ds = DatasetDict({
        "train": Dataset.from_pandas(train_df[["path", "label"]], preserve_index=False),
        "test": Dataset.from_pandas(test_df[["path", "label"]], preserve_index=False),
    })
    ds = ds.cast_column("path", Audio(sampling_rate=sampling_rate))
    return ds.rename_column("path", "audio")


def make_preprocess(feature_extractor, max_seconds):
    sr = feature_extractor.sampling_rate

    def _prep(batch):
        arrays = [a["array"] for a in batch["audio"]]
        return feature_extractor(arrays, sampling_rate=sr, max_length=int(sr * max_seconds),
                                 truncation=True, padding="max_length",
                                 return_attention_mask=True)

    return _prep

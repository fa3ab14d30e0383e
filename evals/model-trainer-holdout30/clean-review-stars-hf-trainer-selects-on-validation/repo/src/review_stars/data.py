"""Split the review table into train / validation / test DatasetDict."""

from datasets import DatasetDict, load_dataset


def load_reviews(csv_path: str, val_size: float, test_size: float, seed: int) -> DatasetDict:
    ds = load_dataset("csv", data_files=csv_path, split="train")
    ds = ds.filter(lambda r: r["text"] is not None and len(r["text"]) > 0)
    ds = ds.map(lambda r: {"label": int(r["stars"]) - 1}, remove_columns=["stars"])
    ds = ds.class_encode_column("label")

    first = ds.train_test_split(test_size=test_size, stratify_by_column="label", seed=seed)
    second = first["train"].train_test_split(
        test_size=val_size / (1.0 - test_size), stratify_by_column="label", seed=seed
    )
    return DatasetDict(train=second["train"], validation=second["test"], test=first["test"])

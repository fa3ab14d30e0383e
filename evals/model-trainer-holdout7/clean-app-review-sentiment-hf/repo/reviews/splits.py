from datasets import ClassLabel, DatasetDict, load_dataset


def make_splits(csv_path: str, labels: list[str], seed: int) -> DatasetDict:
    ds = load_dataset("csv", data_files=csv_path)["train"]
    ds = ds.filter(lambda r: r["text"] is not None and len(r["text"].strip()) > 3)
    ds = ds.cast_column("label", ClassLabel(names=labels))
    first = ds.train_test_split(test_size=0.15, stratify_by_column="label", seed=seed)
    second = first["train"].train_test_split(test_size=0.15, stratify_by_column="label", seed=seed)
    return DatasetDict(train=second["train"], validation=second["test"], test=first["test"])

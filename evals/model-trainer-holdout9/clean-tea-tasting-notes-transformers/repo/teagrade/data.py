from datasets import DatasetDict, load_dataset


def load_splits(cfg) -> DatasetDict:
    """80/10/10 split of the cupping-room notes, stratified by grade."""
    ds = load_dataset("csv", data_files=cfg["data_csv"])["train"]
    ds = ds.filter(lambda r: r[cfg["text_column"]] is not None and len(r[cfg["text_column"]]) > 10)
    ds = ds.class_encode_column(cfg["label_column"])
    first = ds.train_test_split(test_size=0.2, seed=cfg["seed"], stratify_by_column=cfg["label_column"])
    second = first["test"].train_test_split(test_size=0.5, seed=cfg["seed"], stratify_by_column=cfg["label_column"])
    return DatasetDict(train=first["train"], validation=second["train"], test=second["test"])

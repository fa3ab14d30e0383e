from datasets import ClassLabel, load_dataset


def load_splits(cfg):
    ds = load_dataset(cfg["dataset"], split="train")
    ds = ds.filter(lambda r: r[cfg["text_col"]] is not None and len(r[cfg["text_col"]].strip()) > 0)
    ds = ds.map(lambda r: {"text": r[cfg["text_col"]],
                           "label": int(r[cfg["label_col"]] == "Phishing Email")},
                remove_columns=ds.column_names)
    ds = ds.cast_column("label", ClassLabel(names=["safe", "phishing"]))
    tmp = ds.train_test_split(test_size=cfg["test_size"], seed=cfg["seed"], stratify_by_column="label")
    tv = tmp["train"].train_test_split(test_size=cfg["val_size"], seed=cfg["seed"],
                                       stratify_by_column="label")
    return tv["train"], tv["test"], tmp["test"]

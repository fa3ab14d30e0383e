import pandas as pd
from datasets import Dataset


def load_frames(cfg):
    d = cfg["data"]
    df = pd.read_csv(d["path"])
    df = df.dropna(subset=[d["text_column"], d["summary_column"]])
    # strip transcriber tags like [inaudible] / [crosstalk]
    df[d["text_column"]] = df[d["text_column"]].str.replace(r"\[(inaudible|crosstalk)\]", "", regex=True)
    train_df = df[~df["split"].isin(d["held_out_splits"])]
    dev_df = df[df["split"].isin(d["held_out_splits"])]
    test_df = df[df["split"] == d["test_split"]]
    return train_df, dev_df, test_df


def to_dataset(frame, tokenizer, cfg):
    d, m = cfg["data"], cfg["model"]

    def tok(batch):
        enc = tokenizer(batch[d["text_column"]], max_length=m["max_source_length"], truncation=True)
        enc["labels"] = tokenizer(text_target=batch[d["summary_column"]],
                                  max_length=m["max_target_length"], truncation=True)["input_ids"]
        return enc

    ds = Dataset.from_pandas(frame[[d["text_column"], d["summary_column"]]], preserve_index=False)
    return ds.map(tok, batched=True, remove_columns=ds.column_names)

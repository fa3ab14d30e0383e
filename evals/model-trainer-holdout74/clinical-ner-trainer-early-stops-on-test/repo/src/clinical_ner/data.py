"""Loading and sub-word alignment for the n2c2 2010 concept extraction data."""
from datasets import DatasetDict, load_dataset


def load_splits(data_cfg: dict) -> DatasetDict:
    files = {"train": data_cfg["train_file"], "test": data_cfg["test_file"]}
    return load_dataset("json", data_files=files)


def tokenize_and_align(batch, tokenizer, label2id, data_cfg):
    enc = tokenizer(
        batch[data_cfg["text_column"]],
        is_split_into_words=True,
        truncation=True,
        max_length=data_cfg["max_length"],
    )
    all_labels = []
    for i, tags in enumerate(batch[data_cfg["label_column"]]):
        word_ids = enc.word_ids(batch_index=i)
        previous = None
        labels = []
        for wid in word_ids:
            if wid is None:
                labels.append(-100)
            elif wid != previous:
                labels.append(label2id[tags[wid]])
            elif data_cfg["label_all_tokens"]:
                tag = tags[wid]
                if tag.startswith("B-"):
                    tag = "I-" + tag[2:]
                labels.append(label2id[tag])
            else:
                labels.append(-100)
            previous = wid
        all_labels.append(labels)
    enc["labels"] = all_labels
    return enc

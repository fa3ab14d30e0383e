"""Chat-formatting and tokenisation for the support conversations."""
from datasets import load_dataset

SYSTEM_PROMPT = "You are Acme's customer support assistant. Be concise and accurate."


def to_messages(example):
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": example["customer_message"]},
        {"role": "assistant", "content": example["agent_reply"]},
    ]


def tokenize_with_masked_prompt(example, tokenizer, max_len):
    messages = to_messages(example)
    prompt_ids = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, tokenize=True)
    full_ids = tokenizer.apply_chat_template(messages, tokenize=True)
    full_ids = full_ids[:max_len]
    labels = list(full_ids)
    n_prompt = min(len(prompt_ids), len(labels))
    labels[:n_prompt] = [-100] * n_prompt
    return {"input_ids": full_ids, "attention_mask": [1] * len(full_ids), "labels": labels}


def load_splits(cfg, tokenizer):
    raw = load_dataset("json", data_files=cfg.dataset_path, split="train")
    raw = raw.filter(lambda ex: ex["agent_reply"] and len(ex["agent_reply"]) > 20)
    splits = raw.train_test_split(test_size=cfg.val_fraction, seed=cfg.seed)
    cols = splits["train"].column_names
    fn = lambda ex: tokenize_with_masked_prompt(ex, tokenizer, cfg.max_seq_length)
    train_ds = splits["train"].map(fn, remove_columns=cols)
    val_ds = splits["test"].map(fn, remove_columns=cols)
    return train_ds, val_ds

"""Dataset preparation for ticket summarization SFT."""
from datasets import DatasetDict, load_dataset

INSTRUCTION = "Summarize the support ticket below in 2-3 sentences for the on-call engineer."


def prompt_messages(ticket_text):
    return [{"role": "user", "content": f"{INSTRUCTION}\n\n{ticket_text}"}]


def tokenize_example(ex, tokenizer, max_length):
    prompt = tokenizer.apply_chat_template(prompt_messages(ex["ticket"]), tokenize=False, add_generation_prompt=True)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    target_ids = tokenizer(ex["summary"] + tokenizer.eos_token, add_special_tokens=False)["input_ids"]
    input_ids = (prompt_ids + target_ids)[:max_length]
    labels = ([-100] * len(prompt_ids) + target_ids)[:max_length]
    return {"input_ids": input_ids, "attention_mask": [1] * len(input_ids), "labels": labels}


def load_and_split(cfg, tokenizer):
    raw = load_dataset("json", data_files=cfg["data_file"], split="train")
    raw = raw.filter(lambda ex: ex["ticket"] and ex["summary"])
    raw = raw.map(lambda ex: tokenize_example(ex, tokenizer, cfg["max_length"]))
    first = raw.train_test_split(test_size=cfg["test_size"], seed=cfg["seed"])
    second = first["train"].train_test_split(test_size=cfg["val_size"] / (1 - cfg["test_size"]), seed=cfg["seed"])
    return DatasetDict(train=second["train"], validation=second["test"], test=first["test"])

"""Generation-based evaluation: exact match, token F1 and ROUGE-L against reference answers."""
import re
import string
from collections import Counter

import evaluate
import torch

_rouge = evaluate.load("rouge")


def normalize(text):
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def token_f1(pred, ref):
    p, r = normalize(pred).split(), normalize(ref).split()
    common = Counter(p) & Counter(r)
    overlap = sum(common.values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / len(p), overlap / len(r)
    return 2 * precision * recall / (precision + recall)


@torch.no_grad()
def generate_answers(model, tokenizer, questions, max_new_tokens, batch_size=8):
    model.eval()
    tokenizer.padding_side = "left"
    answers = []
    for i in range(0, len(questions), batch_size):
        prompts = [tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False,
                                                 add_generation_prompt=True) for q in questions[i:i + batch_size]]
        enc = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(model.device)
        out = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False)
        answers.extend(tokenizer.batch_decode(out[:, enc["input_ids"].shape[1]:], skip_special_tokens=True))
    tokenizer.padding_side = "right"
    return answers


def score(preds, refs):
    rouge = _rouge.compute(predictions=preds, references=refs)
    return {
        "exact_match": sum(normalize(p) == normalize(r) for p, r in zip(preds, refs)) / len(refs),
        "token_f1": sum(token_f1(p, r) for p, r in zip(preds, refs)) / len(refs),
        "rougeL": rouge["rougeL"],
    }

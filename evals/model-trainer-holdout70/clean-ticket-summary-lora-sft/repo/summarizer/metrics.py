"""Generation metrics for summaries."""
import evaluate
import numpy as np
import torch

from summarizer.data import prompt_messages

rouge = evaluate.load("rouge")


@torch.no_grad()
def generate_summaries(model, tokenizer, tickets, max_new_tokens, batch_size=8):
    model.eval()
    tokenizer.padding_side = "left"
    outputs = []
    for i in range(0, len(tickets), batch_size):
        prompts = [tokenizer.apply_chat_template(prompt_messages(t), tokenize=False, add_generation_prompt=True)
                   for t in tickets[i:i + batch_size]]
        enc = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(model.device)
        gen = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False)
        outputs.extend(tokenizer.batch_decode(gen[:, enc["input_ids"].shape[1]:], skip_special_tokens=True))
    tokenizer.padding_side = "right"
    return [o.strip() for o in outputs]


def summary_scores(preds, refs):
    scores = rouge.compute(predictions=preds, references=refs, use_stemmer=True)
    ratio = np.mean([len(p.split()) / max(len(r.split()), 1) for p, r in zip(preds, refs)])
    return {"rouge1": scores["rouge1"], "rouge2": scores["rouge2"], "rougeL": scores["rougeL"], "length_ratio": float(ratio)}

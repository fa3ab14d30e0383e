import evaluate
import nltk
import numpy as np
import torch

_rouge = evaluate.load("rouge")


def _sentence_split(texts):
    return ["\n".join(nltk.sent_tokenize(t.strip())) for t in texts]


def rouge(predictions, references):
    out = _rouge.compute(predictions=_sentence_split(predictions), references=_sentence_split(references),
                         use_stemmer=True)
    return {k: round(float(v) * 100, 2) for k, v in out.items()}


@torch.inference_mode()
def generate_and_score(model, loader, tokenizer, device, max_new_tokens, num_beams):
    model.eval()
    preds, refs, losses = [], [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        losses.append(model(**batch).loss.item())
        gen = model.generate(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                             max_new_tokens=max_new_tokens, num_beams=num_beams)
        labels = batch["labels"].masked_fill(batch["labels"] == -100, tokenizer.pad_token_id)
        preds += tokenizer.batch_decode(gen, skip_special_tokens=True)
        refs += tokenizer.batch_decode(labels, skip_special_tokens=True)
    return {"loss": float(np.mean(losses)), **rouge(preds, refs)}


def lead_baseline(split, n_words=12):
    """Headline = first n words of the article; a standard extractive baseline."""
    preds = [" ".join(a.split()[:n_words]) for a in split["article"]]
    return rouge(preds, list(split["headline"]))

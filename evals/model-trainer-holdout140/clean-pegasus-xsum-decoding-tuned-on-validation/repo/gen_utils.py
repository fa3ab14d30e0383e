import evaluate
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

_rouge = evaluate.load("rouge")


def load_model(path, device):
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSeq2SeqLM.from_pretrained(path).to(device)
    model.eval()
    return tok, model


@torch.inference_mode()
def summarise(docs, tok, model, cfg, **decoding):
    outs = []
    for i in range(0, len(docs), cfg["batch_size"]):
        enc = tok(docs[i:i + cfg["batch_size"]], max_length=cfg["max_source_length"],
                  truncation=True, padding=True, return_tensors="pt").to(model.device)
        gen = model.generate(**enc, max_new_tokens=cfg["max_new_tokens"], **decoding)
        outs.extend(tok.batch_decode(gen, skip_special_tokens=True))
    return outs


def rouge_scores(preds, refs):
    s = _rouge.compute(predictions=preds, references=refs, use_stemmer=True)
    return {k: round(v * 100, 2) for k, v in s.items()}

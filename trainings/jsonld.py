"""schema.org EducationalOccupationalProgram JSON-LD for a training's detail page."""

from trainings.models import Training

PROGRAM_MODE = {
    Training.Delivery.ONLINE: "online",
    Training.Delivery.IN_PERSON: "onsite",
    Training.Delivery.HYBRID: "blended",
}
TIME_OF_DAY = {
    Training.Schedule.DAY: "daytime",
    Training.Schedule.EVENING: "evenings",
    Training.Schedule.WEEKEND: "weekends",
    Training.Schedule.SELF_PACED: "self-paced",
}


def _compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def provider_data(provider):
    address = _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": provider.address,
            "addressLocality": provider.city,
            "addressRegion": "NY" if (provider.county or provider.region) else "",
            "postalCode": provider.zip_code,
            "addressCountry": "US" if (provider.city or provider.zip_code) else "",
        }
    )
    return _compact(
        {
            "@type": "EducationalOrganization",
            "name": provider.name,
            "url": provider.website,
            "address": address if len(address) > 1 else None,
        }
    )


def training_data(training, *, page_url):
    credential = training.credential or None
    data = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalProgram",
        "name": training.title,
        "description": training.description,
        "url": training.url,
        "mainEntityOfPage": page_url,
        "provider": provider_data(training.provider),
        "educationalProgramMode": PROGRAM_MODE.get(training.delivery),
        "timeOfDay": TIME_OF_DAY.get(training.schedule),
        "programPrerequisites": training.prerequisites,
        "startDate": training.next_start_date.isoformat() if training.next_start_date else None,
        "timeToComplete": f"P{training.length_weeks}W" if training.length_weeks else None,
        "inLanguage": [code for code in training.languages.split(",") if code],
        "financialAidEligible": training.funding_notes,
    }
    if credential:
        key = (
            "occupationalCredentialAwarded"
            if training.kind == Training.Kind.PROFESSIONAL_DEVELOPMENT
            else "educationalCredentialAwarded"
        )
        data[key] = credential
    if training.is_free:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "USD"}
    elif training.cost_low is not None:
        offer = {"@type": "Offer", "price": f"{training.cost_low:.2f}", "priceCurrency": "USD"}
        if training.cost_high is not None and training.cost_high != training.cost_low:
            offer = {
                "@type": "AggregateOffer",
                "lowPrice": f"{training.cost_low:.2f}",
                "highPrice": f"{training.cost_high:.2f}",
                "priceCurrency": "USD",
            }
        data["offers"] = offer
    categories = []
    for role in training.roles.all():
        if role.soc_code:
            categories.append(
                {
                    "@type": "CategoryCode",
                    "name": role.name,
                    "codeValue": role.soc_code,
                    "inCodeSet": "https://www.bls.gov/soc/2018/",
                }
            )
        else:
            categories.append(role.name)
    data["occupationalCategory"] = categories
    return _compact(data)

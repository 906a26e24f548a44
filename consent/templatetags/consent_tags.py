"""
{% ifconsent "analytics" %}<script src="..."></script>{% else %}...{% endifconsent %}

The block is rendered only when the visitor granted the category, so gated markup is not
even sent without consent. A page that uses it depends on the visitor's cookie: do not put
it inside a fragment or page cache shared between visitors.
"""

from django import template

register = template.Library()


class IfConsentNode(template.Node):
    def __init__(self, category, nodelist_true, nodelist_false):
        self.category = category
        self.nodelist_true = nodelist_true
        self.nodelist_false = nodelist_false

    def render(self, context):
        slug = self.category.resolve(context)
        request = context.get("request")
        consent = getattr(request, "consent", None)
        if consent is not None and consent.granted(slug):
            return self.nodelist_true.render(context)
        return self.nodelist_false.render(context)


@register.tag
def ifconsent(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f'{bits[0]} takes one argument, the category\'s slug: {{% ifconsent "analytics" %}}'
        )
    category = parser.compile_filter(bits[1])
    nodelist_true = parser.parse(("else", "endifconsent"))
    token = parser.next_token()
    if token.contents == "else":
        nodelist_false = parser.parse(("endifconsent",))
        parser.delete_first_token()
    else:
        nodelist_false = template.NodeList()
    return IfConsentNode(category, nodelist_true, nodelist_false)

package io.pipeshift.from.airflow.parse;

import java.util.ArrayList;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Base class of all {@link PyParser} contexts ({@code contextSuperClass} option): identical to
 * {@link ParserRuleContext} except that the children list starts small. Most Python rule contexts have
 * one to three children, and the default {@code ArrayList} capacity of 10 would allocate (and zero)
 * several times the memory actually used.
 */
public class PyParserRuleContext extends ParserRuleContext {

    public PyParserRuleContext() {
    }

    public PyParserRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(3);
        }
        children.add(t);
        return t;
    }
}
